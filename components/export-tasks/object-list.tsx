'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { scopeParams, useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import type { Scope } from '@/lib/accounts/types';
import { exportTaskKeys, fetchJson } from '@/lib/export-tasks/queries';
import { useFormat } from '@/lib/format/use-format';
import { FilePreview } from './file-preview';
import { When } from './task-cells';

type ExportedFile = { key: string; name: string; stream: string; size: number; lastModified: number | null };
type ObjectsPage = {
  objects: ExportedFile[];
  nextToken: string | null;
  bucket: string;
  folder: string;
  /** Whether this user may download and preview (operators; viewers where LOGPORT_VIEWER_DOWNLOADS=true). */
  canReadFiles: boolean;
};

function downloadUrl(scope: Scope, taskId: string, key: string): string {
  return `/api/export-tasks/${encodeURIComponent(taskId)}/download?${scopeParams(scope, { key })}`;
}

export function archiveUrl(scope: Scope, taskId: string): string {
  return `/api/export-tasks/${encodeURIComponent(taskId)}/archive?${scopeParams(scope)}`;
}

/**
 * The files a completed export wrote, a page at a time. Those who may read them get "Download all" (one zip,
 * streamed), a download and a preview per file; everyone sees what there is.
 */
export function ObjectList({ region, taskId }: { region: string; taskId: string }) {
  const t = useTranslations('exports.objects');
  const te = useTranslations('errors');
  const f = useFormat();
  const [previewing, setPreviewing] = useState<ExportedFile | null>(null);
  const scope = { ...useScope(), region };
  const query = useInfiniteQuery({
    queryKey: exportTaskKeys.objects(region, taskId, scope.account),
    queryFn: ({ pageParam, signal }) => {
      const params = scopeParams(scope);
      if (pageParam) params.set('nextToken', pageParam);
      return fetchJson<ObjectsPage>(
        `/api/export-tasks/${encodeURIComponent(taskId)}/objects?${params}`,
        signal,
      );
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextToken ?? undefined,
    // A finished export's files do not change.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const first = query.data?.pages[0];
  const objects = query.data?.pages.flatMap((p) => p.objects) ?? [];
  const canRead = first?.canReadFiles ?? false;
  // A zip without ZIP64 stops at 4 GiB: past that (as far as the listed files tell) the CLI command is the way.
  const tooLarge = objects.reduce((sum, o) => sum + o.size, 0) > 0xffff_ffff - 64 * 1024 * 1024;
  const code = (query.error as { code?: string } | null)?.code ?? 'internal';

  return (
    <section aria-labelledby="objects-title" className="space-y-3" data-testid="object-list">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="objects-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        {canRead && objects.length > 0 && !tooLarge ? (
          <a
            href={archiveUrl(scope, taskId)}
            download
            className={buttonClass('secondary', 'sm')}
            data-testid="download-all"
          >
            {t('downloadAll')}
          </a>
        ) : null}
      </div>
      {first ? (
        <p className="break-all text-sm text-slate-600 dark:text-slate-400">
          {t('intro', { bucket: first.bucket, folder: first.folder })}
        </p>
      ) : null}
      {canRead && tooLarge ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="archive-too-large">
          {te('archiveTooLarge')}
        </p>
      ) : null}
      {first && !canRead && objects.length > 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="files-need-operator">
          {t('needOperator')}
        </p>
      ) : null}
      {query.isPending ? <p aria-busy="true">{t('loading')}</p> : null}
      {query.isError ? (
        <Alert tone="danger">{t('failed', { reason: te.has(code) ? te(code) : te('internal') })}</Alert>
      ) : null}
      {query.isSuccess && objects.length === 0 ? <p>{t('empty')}</p> : null}
      {objects.length > 0 ? (
        // `relative`: the header's screen-reader-only text is positioned; without a positioned scroller it
        // escapes it and widens a phone's page.
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <thead className="bg-slate-50 dark:bg-slate-800/60">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('name')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('stream')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('size')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('modified')}
                </th>
                {canRead ? (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t('actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {objects.map((o) => (
                <tr
                  key={o.key}
                  className="border-t border-slate-200 dark:border-slate-800"
                  data-testid="object-row"
                >
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                    {o.name.slice(o.stream.length + 1) || o.name}
                  </td>
                  <td className="min-w-40 break-all px-3 py-2 font-mono text-xs">{o.stream}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{f.bytes(o.size)}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <When ms={o.lastModified} />
                  </td>
                  {canRead ? (
                    <td className="whitespace-nowrap px-3 py-2">
                      <div className="flex gap-3">
                        <button
                          type="button"
                          onClick={() => setPreviewing(o)}
                          className="font-medium text-brand-700 underline dark:text-brand-100"
                          aria-label={t('previewLabel', { name: o.name })}
                        >
                          {t('preview')}
                        </button>
                        <a
                          href={downloadUrl(scope, taskId, o.key)}
                          download
                          className="font-medium text-brand-700 underline dark:text-brand-100"
                          aria-label={t('downloadLabel', { name: o.name })}
                        >
                          {t('download')}
                        </a>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {t('loadMore')}
        </Button>
      ) : null}
      {previewing && canRead ? (
        <FilePreview
          key={previewing.key}
          region={region}
          taskId={taskId}
          file={previewing}
          onClose={() => setPreviewing(null)}
        />
      ) : null}
    </section>
  );
}
