'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { scopeParams, useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { Scope } from '@/lib/accounts/types';
import { exportTaskKeys, fetchJson } from '@/lib/export-tasks/queries';

type PreviewAnswer = { key: string; lines: string[]; truncated: boolean; maxLines: number; maxBytes: number };

export function previewUrl(scope: Scope, taskId: string, key: string): string {
  return `/api/export-tasks/${encodeURIComponent(taskId)}/preview?${scopeParams(scope, { key })}`;
}

/**
 * The first lines of one exported file, decompressed by the server (capped there). The lines are shown as
 * text, never as markup; control characters arrive already replaced.
 */
export function FilePreview({
  region,
  taskId,
  file,
  onClose,
}: {
  region: string;
  taskId: string;
  file: { key: string; name: string };
  onClose: () => void;
}) {
  const t = useTranslations('exports.objects');
  const te = useTranslations('errors');
  const scope = { ...useScope(), region };
  const query = useQuery({
    queryKey: [...exportTaskKeys.objects(region, taskId, scope.account), 'preview', file.key],
    queryFn: ({ signal }) => fetchJson<PreviewAnswer>(previewUrl(scope, taskId, file.key), signal),
    // A finished export's files do not change.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const code = (query.error as { code?: string } | null)?.code ?? 'internal';
  return (
    <section
      aria-labelledby="preview-title"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      data-testid="file-preview"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="preview-title" ref={heading} tabIndex={-1} className="break-all text-sm font-semibold">
          {t('previewTitle', { name: file.name })}
        </h3>
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('previewClose')}
        </Button>
      </div>
      {query.isPending ? <p aria-busy="true">{t('previewLoading')}</p> : null}
      {query.isError ? <Alert tone="danger">{te.has(code) ? te(code) : te('internal')}</Alert> : null}
      {query.data ? (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
            {query.data.truncated
              ? t('previewTruncated', { lines: query.data.lines.length, maxLines: query.data.maxLines })
              : t('previewWhole', { lines: query.data.lines.length })}
          </p>
          <pre
            className="max-h-96 overflow-auto whitespace-pre rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100 dark:bg-black"
            data-testid="preview-text"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling text must be reachable by keyboard.
            tabIndex={0}
          >
            {query.data.lines.join('\n')}
          </pre>
        </>
      ) : null}
    </section>
  );
}
