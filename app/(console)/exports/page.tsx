import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { TaskTable } from '@/components/export-tasks/task-table';
import { buttonClass } from '@/components/ui/button';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { reportAwsError } from '@/lib/aws/errors';
import { listExportTasks } from '@/lib/export-tasks/list';
import { exportTaskListOptions, toListData } from '@/lib/export-tasks/queries';
import { awsTaskId, parseView } from '@/lib/export-tasks/table-state';

export async function generateMetadata() {
  const t = await getTranslations('exports');
  return { title: t('title') };
}

/**
 * The export history. The first page is rendered here (same query key and shape as the browser's), then the
 * table polls the list route. If AWS fails now, the table shows the failure and keeps retrying on its own.
 */
export default async function ExportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user, t] = await Promise.all([searchParams, currentUser(), getTranslations('exports')]);
  const scope = await currentScope(user?.accounts);
  const { region } = scope;
  const view = parseView(params);
  // Only a whole task id is asked of AWS; part of one filters the loaded rows (as in the browser).
  const taskId = awsTaskId(view);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    ...exportTaskListOptions({ ...scope, status: view.status, taskId }),
    queryFn: async () => {
      try {
        const page = await listExportTasks({
          ...scope,
          statusCode: view.status ?? undefined,
          taskId: taskId ?? undefined,
        });
        // The first poll of a freshly opened tab lands on the same server moment as every other tab's.
        const pollInMs = page.pollAt === undefined ? undefined : Math.max(0, page.pollAt - Date.now());
        return toListData(pollInMs === undefined ? page : { ...page, pollInMs });
      } catch (err) {
        reportAwsError('exports page', err);
        throw err;
      }
    },
  });
  const canChange = user !== null && roleAtLeast(user.role, 'operator');

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('intro', { region })}</p>
        </div>
        {canChange ? (
          <Link href="/exports/new" className={buttonClass('primary')}>
            {t('newExport')}
          </Link>
        ) : null}
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense>
          <TaskTable region={region} canCancel={canChange} />
        </Suspense>
      </HydrationBoundary>
    </div>
  );
}
