'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { fillGaps, planGaps } from '@/app/(console)/coverage/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { Scope } from '@/lib/accounts/types';
import type { ActionResult } from '@/lib/action-result';
import { chunks, type GapItem } from './gap-selection';

type Notice = { tone: 'info' | 'danger'; text: string };

async function inChunks(
  items: GapItem[],
  scope: Scope,
  action: (input: Scope & { items: GapItem[] }) => Promise<ActionResult<Record<string, number>>>,
  field: string,
): Promise<ActionResult<number>> {
  let total = 0;
  for (const part of chunks(items)) {
    let result: ActionResult<Record<string, number>>;
    try {
      result = await action({ ...scope, items: part });
    } catch {
      result = { ok: false, error: 'internal' };
    }
    if (!result.ok) {
      // Nothing left in this part is not a failure when other parts had some.
      if (result.error === 'coverageNothingToFill') continue;
      return result;
    }
    total += result.data[field] ?? 0;
  }
  return { ok: true, data: total };
}

/**
 * The selection's bar: how many bars are selected, select every gap in view or none, and "Fill gaps": the plan
 * first ("N exports will be queued", from the server), then the exports queued, and the view refreshed.
 */
export function FillGaps({
  scope,
  selectedBars,
  fillableBars,
  items,
  onSelectAll,
  onClear,
}: {
  /** The page's account and Region: the actions work there. */
  scope: Scope;
  selectedBars: number;
  fillableBars: number;
  /** The rule windows of the selected bars (computed when asked). */
  items: () => GapItem[];
  onSelectAll: () => void;
  onClear: () => void;
}) {
  const t = useTranslations('coverage.fill');
  const te = useTranslations('errors');
  const client = useQueryClient();
  const [pending, start] = useTransition();
  const [plan, setPlan] = useState<{ exports: number; items: GapItem[] } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const fail = (error: string, params?: Record<string, string | number>) =>
    setNotice({ tone: 'danger', text: te.has(error) ? te(error, params) : te('internal') });

  async function refresh() {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['coverage'] }),
      client.invalidateQueries({ queryKey: ['rules'] }),
      client.invalidateQueries({ queryKey: ['queue'] }),
    ]);
  }

  function askPlan() {
    setNotice(null);
    const wanted = items();
    start(async () => {
      const result = await inChunks(wanted, scope, planGaps, 'exports');
      if (!result.ok) return fail(result.error, result.params);
      if (result.data === 0) {
        fail('coverageNothingToFill');
        await refresh();
        return;
      }
      setPlan({ exports: result.data, items: wanted });
    });
  }

  function confirm() {
    const chosen = plan;
    setPlan(null);
    if (!chosen) return;
    start(async () => {
      const result = await inChunks(chosen.items, scope, fillGaps, 'enqueued');
      if (!result.ok) fail(result.error, result.params);
      else if (result.data === 0) fail('coverageNothingToFill');
      else {
        setNotice({ tone: 'info', text: t('done', { count: result.data }) });
        onClear();
      }
      await refresh();
    });
  }

  return (
    <div className="space-y-2">
      <div
        className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
        data-testid="fill-bar"
      >
        <p className="mr-auto text-sm" aria-live="polite" data-testid="fill-selected">
          {selectedBars > 0 ? t('selected', { count: selectedBars }) : t('none', { count: fillableBars })}
        </p>
        <Button variant="ghost" size="sm" onClick={onSelectAll} disabled={fillableBars === 0 || pending}>
          {t('selectAll', { count: fillableBars })}
        </Button>
        {selectedBars > 0 ? (
          <Button variant="ghost" size="sm" onClick={onClear} disabled={pending}>
            {t('clear')}
          </Button>
        ) : null}
        <Button size="sm" onClick={askPlan} disabled={selectedBars === 0 || pending} data-testid="fill-gaps">
          {pending ? t('working') : t('fill')}
        </Button>
      </div>
      <div aria-live="polite" data-testid="fill-notice">
        {notice ? (
          <Alert tone={notice.tone}>
            {notice.text}{' '}
            {notice.tone === 'info' ? (
              <Link href="/queue" className="font-medium underline">
                {t('openQueue')}
              </Link>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <Dialog
        open={plan !== null}
        onClose={() => setPlan(null)}
        title={t('planTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setPlan(null)}>
              {t('planCancel')}
            </Button>
            <Button onClick={confirm} data-testid="fill-confirm">
              {t('planConfirm', { count: plan?.exports ?? 0 })}
            </Button>
          </>
        }
      >
        <p data-testid="fill-plan">{t('planBody', { count: plan?.exports ?? 0 })}</p>
        <p className="mt-2 text-slate-600 dark:text-slate-400">{t('planNote')}</p>
      </Dialog>
    </div>
  );
}
