'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PreflightPanel } from '@/components/export-wizard/preflight-panel';
import type { PreflightResult } from '@/lib/preflight/types';
import { renderPrefix } from '@/lib/rules/template';
import { windowAt } from '@/lib/rules/windows';
import { isValidTimeZone } from '@/lib/time-range/zone';
import type { RuleForm } from './use-rule-form';

/**
 * The preflight's checks after a save was refused, in the wizard's panel (same words, same fixes). As the user
 * fixes the bucket or the template they run again (debounced), the way the server will run them on the next
 * save: the first matched group's prefix for the current window, the first five groups.
 */
export function RuleChecks({
  refusal,
  form,
  scope,
  account,
  groups,
  now,
}: {
  refusal: { result: PreflightResult; bucket: string };
  form: RuleForm;
  /** Where the checks run: the rule's (first) account and Region. */
  scope: { account: string; region: string };
  account: string | null;
  groups: string[];
  now: number;
}) {
  const { state, allErrors } = form;
  const { region } = scope;
  const zone = isValidTimeZone(state.timeZone) ? state.timeZone : 'UTC';
  const prefix =
    renderPrefix(state.prefixTemplate, {
      logGroup: groups[0] ?? 'example',
      account: account ?? '000000000000',
      region,
      windowStart: windowAt(now, state.every, zone).start,
      timeZone: zone,
    }) ?? 'exportedlogs';
  const wanted = { bucket: state.bucket.trim(), prefix };
  const [settled, setSettled] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ bucket: state.bucket.trim(), prefix }), 400);
    return () => clearTimeout(timer);
  }, [state.bucket, prefix]);
  const ready = allErrors !== null && !allErrors.bucket && !allErrors.prefixTemplate;
  const current = settled.bucket === wanted.bucket && settled.prefix === wanted.prefix;
  const sample = groups.slice(0, 5);
  const refused = settled.bucket === refusal.bucket;
  const query = useQuery({
    queryKey: [
      'rules',
      'preflight',
      scope.account,
      region,
      settled.bucket,
      settled.prefix,
      sample.join('\n'),
    ],
    queryFn: async (): Promise<PreflightResult> => {
      const res = await fetch('/api/preflight', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...scope, ...settled, logGroupNames: sample, mode: 'queue' }),
      });
      const body = (await res.json()) as PreflightResult | { error: string };
      if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : 'awsUnknown');
      return body;
    },
    // What the save just answered is the first result; the checks run again once something changes.
    initialData: refused ? refusal.result : undefined,
    initialDataUpdatedAt: refused ? refusal.result.ranAt : undefined,
    enabled: ready && current,
    staleTime: 30_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return (
    <div id="rule-checks" tabIndex={-1} className="outline-none" data-testid="rule-checks">
      <PreflightPanel query={query} ready={ready} access={{ canApplyPolicy: true, account }} />
    </div>
  );
}
