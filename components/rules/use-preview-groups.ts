'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { previewRuleGroups } from '@/app/(console)/rules/actions';
import { excludeList, type FormScope, previewScope, selectionOf } from './form-state';
import type { RuleForm } from './use-rule-form';

const SELECTION_FIELDS = ['names', 'prefix', 'tagKey', 'tagValue', 'exclude'] as const;

export class PreviewError extends Error {}

/**
 * The log groups the selection matches now (for "Matches N log groups" and the key preview). A list of names
 * is known here; a prefix or a tag is asked of the server, once the selection is valid and typing has paused.
 */
export function usePreviewGroups(form: RuleForm, pageScope: FormScope) {
  const { state, allErrors } = form;
  const scope = previewScope(state, pageScope);
  const valid = allErrors !== null && SELECTION_FIELDS.every((f) => !allErrors[f]);
  const exclude = excludeList(state.exclude);
  const wanted = JSON.stringify({ logGroups: selectionOf(state), exclude });
  const [settled, setSettled] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), 400);
    return () => clearTimeout(timer);
  }, [wanted]);
  const local = state.mode === 'names';
  const query = useQuery({
    queryKey: ['rules', 'preview', scope.account, scope.region, settled],
    queryFn: async () => {
      const result = await previewRuleGroups({ ...scope, ...JSON.parse(settled) });
      if (!result.ok) throw new PreviewError(result.error);
      return result.data;
    },
    enabled: valid && !local && settled === wanted,
    staleTime: 30_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (local) {
    const names = state.names.filter((n) => !exclude.includes(n)).sort();
    return { valid, pending: false, error: null, names: names.slice(0, 100), total: names.length };
  }
  return {
    valid,
    pending: valid && (query.isPending || query.isFetching || settled !== wanted),
    error: query.error ? query.error.message : null,
    names: query.data?.names ?? [],
    total: query.data?.total ?? 0,
  };
}
