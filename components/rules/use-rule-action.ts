'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { ruleKeys } from './queries';

export type Notice = { tone: 'success' | 'danger'; text: string };

/**
 * Runs a rule action (pause, resume, delete, run now, refresh tags), shows its outcome in an aria-live region
 * and refreshes the list (and the coverage, which the action may have changed).
 */
export function useRuleAction() {
  const te = useTranslations('errors');
  const client = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);

  function run<T>(action: () => Promise<ActionResult<T>>, success: (data: T) => string) {
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action();
      } catch {
        result = { ok: false, error: 'internal' };
      }
      if (result.ok) setNotice({ tone: 'success', text: success(result.data) });
      else
        setNotice({
          tone: 'danger',
          text: te.has(result.error) ? te(result.error, result.params) : te('internal'),
        });
      await client.invalidateQueries({ queryKey: ruleKeys.all });
      await client.invalidateQueries({ queryKey: ['coverage'] });
    });
  }

  return { pending, notice, run, clear: () => setNotice(null) };
}
