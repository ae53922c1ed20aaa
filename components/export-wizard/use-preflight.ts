'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useScope } from '@/components/shell/scope-context';
import type { PreflightResult } from '@/lib/preflight/types';
import type { Wizard } from './use-wizard';

export const preflightKey = (
  account: string,
  region: string,
  bucket: string,
  prefix: string,
  groups: string[],
  mode: string,
) => ['wizard', 'preflight', account, region, bucket, prefix, groups.join('\n'), mode] as const;

/**
 * Runs the preflight on the destination and review steps as soon as bucket and prefix are filled in
 * (debounced while typing), and only while every field is valid: invalid input never reaches AWS.
 */
export function usePreflight(wizard: Wizard, region: string) {
  const { state, allErrors, exportCount } = wizard;
  const { account } = useScope();
  const ready =
    wizard.ready &&
    (state.step === 'destination' || state.step === 'review') &&
    state.bucket !== '' &&
    Object.keys(allErrors).length === 0;
  const mode = exportCount > 1 ? 'queue' : 'launch';
  const input = { bucket: state.bucket, prefix: state.prefix || 'exportedlogs' };
  const [settled, setSettled] = useState(input);
  useEffect(() => {
    const t = setTimeout(
      () => setSettled({ bucket: state.bucket, prefix: state.prefix || 'exportedlogs' }),
      400,
    );
    return () => clearTimeout(t);
  }, [state.bucket, state.prefix]);
  const current = settled.bucket === input.bucket && settled.prefix === input.prefix;
  const query = useQuery({
    queryKey: preflightKey(account, region, settled.bucket, settled.prefix, state.groups, mode),
    queryFn: async (): Promise<PreflightResult> => {
      const res = await fetch('/api/preflight', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account, region, ...settled, logGroupNames: state.groups, mode }),
      });
      const body = (await res.json()) as PreflightResult | { error: string };
      if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : 'awsUnknown');
      return body;
    },
    enabled: ready && current,
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  return { query, ready, mode } as const;
}
