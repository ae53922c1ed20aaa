import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TaskDetails } from '@/components/export-tasks/task-details';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { listExportTasks } from '@/lib/export-tasks/list';
import { exportTaskListOptions, toListData } from '@/lib/export-tasks/queries';
import { taskLabel } from '@/lib/export-tasks/table-state';

type Props = {
  params: Promise<{ taskId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations('exports.detail');
  const { taskId } = await params;
  return { title: t('title', { name: taskId }) };
}

/**
 * One export task. An unknown id is a not-found view; an AWS failure goes to error.tsx (retry). The wizard
 * lands here with `?created=1` after a launch.
 */
export default async function ExportTaskPage({ params, searchParams }: Props) {
  const [{ taskId }, query, user, t] = await Promise.all([
    params,
    searchParams,
    currentUser(),
    getTranslations('exports'),
  ]);
  const scope = await currentScope(user?.accounts);
  const { region } = scope;
  if (taskId.length === 0 || taskId.length > 512 || /\s/.test(taskId)) notFound();
  const page = await listExportTasks({ ...scope, taskId });
  const task = page.tasks[0];
  if (!task) notFound();

  const queryClient = new QueryClient();
  const options = exportTaskListOptions({ ...scope, status: null, taskId });
  queryClient.setQueryData(options.queryKey, toListData(page));
  const canCancel = user !== null && roleAtLeast(user.role, 'operator');

  return (
    <div className="space-y-5">
      <Link href="/exports" className="text-sm font-medium text-brand-700 underline dark:text-brand-100">
        ← {t('detail.back')}
      </Link>
      <h1 className="break-all text-2xl font-semibold">{t('detail.title', { name: taskLabel(task) })}</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TaskDetails region={region} taskId={taskId} canCancel={canCancel} created={query.created === '1'} />
      </HydrationBoundary>
    </div>
  );
}
