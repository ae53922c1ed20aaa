'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { scopeParams, useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClass } from '@/components/ui/field';
import type { Scope } from '@/lib/accounts/types';
import { useFormat } from '@/lib/format/use-format';
import type { LogGroupPage, LogGroupSummary } from '@/lib/log-groups/search';

// DescribeLogGroups' logGroupNamePattern takes only these characters.
const sanitize = (q: string) => q.replace(/[^.\-_/#A-Za-z0-9]/g, '');

async function fetchPage(scope: Scope, q: string, nextToken: string): Promise<LogGroupPage> {
  const params = scopeParams(scope, { q, ...(nextToken ? { nextToken } : {}) });
  const res = await fetch(`/api/log-groups?${params.toString()}`, { cache: 'no-store' });
  const body = (await res.json()) as LogGroupPage | { error: string };
  if (!res.ok || 'error' in body) throw new Error('error' in body ? body.error : 'awsUnknown');
  return body;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Search by AWS (a substring of the name), page with "Show more", tick one or several groups. */
export function LogGroupPicker({
  region,
  timeZone,
  selected,
  info,
  errors,
  onToggle,
  onSelectMany,
}: {
  region: string;
  timeZone: string;
  selected: string[];
  info: Record<string, LogGroupSummary>;
  errors: string[] | undefined;
  onToggle: (group: LogGroupSummary, on: boolean) => void;
  /** Ticks (or unticks) every group the search shows, in one change. */
  onSelectMany: (groups: LogGroupSummary[], on: boolean) => void;
}) {
  const t = useTranslations('wizard');
  const te = useTranslations('errors');
  const f = useFormat();
  const [query, setQuery] = useState('');
  const pattern = sanitize(query);
  const debounced = useDebounced(pattern, 250);
  const listId = useId();
  // The account is named on every call (not left to the cookie another tab may have changed).
  const { account } = useScope();
  const groups = useInfiniteQuery({
    queryKey: ['wizard', 'log-groups', account, region, debounced],
    queryFn: ({ pageParam }) => fetchPage({ account, region }, debounced, pageParam),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextToken ?? undefined,
    staleTime: 30_000,
  });
  const found = groups.data?.pages.flatMap((p) => p.groups) ?? [];
  const allShownChosen = found.length > 0 && found.every((g) => selected.includes(g.name));

  const meta = (g: LogGroupSummary) =>
    [
      t('source.stored', {
        size: g.storedBytes === null || g.storedBytes === undefined ? '–' : f.bytes(g.storedBytes),
      }),
      g.retentionInDays ? t('source.retention', { days: g.retentionInDays }) : t('source.retentionNever'),
      g.creationTime ? t('source.created', { date: f.dateTime(g.creationTime, 'date', timeZone) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <div className="space-y-3">
      {selected.length > 0 ? (
        <div>
          <h3 className="text-sm font-medium">{t('source.selected', { count: selected.length })}</h3>
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="selected-groups">
            {selected.map((name) => (
              <li
                key={name}
                className="inline-flex max-w-full items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm text-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
              >
                <span className="truncate font-mono text-xs">{name}</span>
                <button
                  type="button"
                  onClick={() =>
                    onToggle(
                      info[name] ?? { name, storedBytes: null, retentionInDays: null, creationTime: null },
                      false,
                    )
                  }
                  className="rounded-full px-1.5 hover:bg-brand-100 dark:hover:bg-brand-700/50"
                  aria-label={t('source.remove', { name })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Field
        id="wizard-group-search"
        label={t('source.searchLabel')}
        hint={pattern !== query ? t('source.searchCharacters') : t('source.searchHint')}
        errors={errors}
      >
        <input
          id="wizard-group-search"
          type="search"
          className={inputClass}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="/aws/lambda/"
          autoComplete="off"
          aria-controls={listId}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy('wizard-group-search', { hint: true, error: Boolean(errors) })}
        />
      </Field>
      <div aria-live="polite" className="sr-only">
        {groups.isSuccess
          ? t('source.resultCount', { count: found.length, more: groups.hasNextPage ? 1 : 0 })
          : ''}
      </div>
      {groups.isError ? <Alert tone="danger">{te(groups.error.message as 'awsUnknown')}</Alert> : null}
      {found.length > 1 ? (
        <div className="flex justify-end">
          <Button
            variant="ghost"
            size="sm"
            aria-controls={listId}
            onClick={() => onSelectMany(found, !allShownChosen)}
          >
            {allShownChosen
              ? t('source.clearShown', { count: found.length })
              : t('source.selectShown', { count: found.length })}
          </Button>
        </div>
      ) : null}
      <fieldset id={listId} className="rounded-md border border-slate-200 dark:border-slate-700">
        <legend className="sr-only">{t('source.resultsLegend')}</legend>
        {groups.isPending ? (
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{t('source.searching')}</p>
        ) : found.length === 0 ? (
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{t('source.noResults')}</p>
        ) : (
          <ul className="max-h-96 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-700">
            {found.map((g) => {
              const id = `lg-${g.name}`;
              const checked = selected.includes(g.name);
              return (
                <li key={g.name}>
                  <label
                    htmlFor={id}
                    className={`flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50 dark:hover:bg-slate-800/60 ${checked ? 'bg-brand-50/60 dark:bg-brand-700/20' : ''}`}
                  >
                    <input
                      id={id}
                      type="checkbox"
                      className="mt-1 h-4 w-4 accent-brand-600"
                      checked={checked}
                      onChange={(e) => onToggle(g, e.target.checked)}
                      // The name alone names the box; size, retention and age describe it.
                      aria-label={g.name}
                      aria-describedby={`${id}-meta`}
                    />
                    <span className="min-w-0">
                      <span className="block break-all font-mono text-sm">{g.name}</span>
                      <span id={`${id}-meta`} className="block text-xs text-slate-600 dark:text-slate-400">
                        {meta(g)}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {groups.hasNextPage ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => groups.fetchNextPage()}
          disabled={groups.isFetchingNextPage}
        >
          {groups.isFetchingNextPage ? t('source.loadingMore') : t('source.showMore')}
        </Button>
      ) : null}
    </div>
  );
}
