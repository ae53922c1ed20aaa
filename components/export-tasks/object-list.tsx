'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { exportTaskKeys, fetchJson } from '@/lib/export-tasks/queries';
import { sizeParts, utcText } from './duration';

type ObjectsPage = {
  objects: Array<{ key: string; name: string; stream: string; size: number; lastModified: number | null }>;
  nextToken: string | null;
  bucket: string;
  folder: string;
};

function downloadUrl(region: string, taskId: string, key: string): string {
  return `/api/export-tasks/${encodeURIComponent(taskId)}/download?${new URLSearchParams({ region, key })}`;
}

/** The files a completed export wrote, a page at a time, each downloadable through Logport. */
export function ObjectList({ region, taskId }: { region: string; taskId: string }) {
  const t = useTranslations('exports.objects');
  const te = useTranslations('errors');
  const format = useFormatter();
  const query = useInfiniteQuery({
    queryKey: exportTaskKeys.objects(region, taskId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ region });
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
  const code = (query.error as { code?: string } | null)?.code ?? 'internal';

  return (
    <section aria-labelledby="objects-title" className="space-y-3" data-testid="object-list">
      <h2 id="objects-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {first ? (
        <p className="break-all text-sm text-slate-600 dark:text-slate-400">
          {t('intro', { bucket: first.bucket, folder: first.folder })}
        </p>
      ) : null}
      {query.isPending ? <p aria-busy="true">{t('loading')}</p> : null}
      {query.isError ? (
        <Alert tone="danger">{t('failed', { reason: te.has(code) ? te(code) : te('internal') })}</Alert>
      ) : null}
      {query.isSuccess && objects.length === 0 ? <p>{t('empty')}</p> : null}
      {objects.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full min-w-[40rem] text-left text-sm">
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
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t('download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {objects.map((o) => {
                const size = sizeParts(o.size);
                return (
                  <tr
                    key={o.key}
                    className="border-t border-slate-200 dark:border-slate-800"
                    data-testid="object-row"
                  >
                    <td className="break-all px-3 py-2 font-mono text-xs">
                      {o.name.slice(o.stream.length + 1) || o.name}
                    </td>
                    <td className="break-all px-3 py-2 font-mono text-xs">{o.stream}</td>
                    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                      {format.number(size.value, { style: 'unit', unit: size.unit, unitDisplay: 'short' })}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">
                      {o.lastModified === null ? null : (
                        <time
                          dateTime={new Date(o.lastModified).toISOString()}
                          title={utcText(o.lastModified)}
                        >
                          {format.dateTime(new Date(o.lastModified), {
                            dateStyle: 'medium',
                            timeStyle: 'medium',
                          })}
                        </time>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <a
                        href={downloadUrl(region, taskId, o.key)}
                        download
                        className="font-medium text-brand-700 underline dark:text-brand-100"
                        aria-label={t('downloadLabel', { name: o.name })}
                      >
                        {t('download')}
                      </a>
                    </td>
                  </tr>
                );
              })}
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
    </section>
  );
}
