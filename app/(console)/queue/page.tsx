import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { QueueView } from '@/components/queue/queue-view';
import { buttonClass } from '@/components/ui/button';
import { listAccounts } from '@/lib/accounts/registry';
import { currentScope } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { roleAtLeast } from '@/lib/auth/roles';
import { getJob } from '@/lib/queue/store';
import { queueSnapshot } from '@/lib/queue/view';
import { rulesInAccount } from '@/lib/rules/service';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('queue');
  return { title: t('title') };
}

/** The export queue: rendered from the database here, then kept live by polling GET /api/queue. */
export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, user, t] = await Promise.all([searchParams, currentUser(), getTranslations('queue')]);
  // The wizard sends you here with the batch it just queued, the activity log with a batch or a job: it is
  // highlighted (a rule's job points at its rule's card, which stands for all of its jobs).
  const batchParam =
    typeof params.batch === 'string' && /^(?:[0-9a-f-]{36}|rule-[0-9a-f]{32})$/.test(params.batch)
      ? params.batch
      : null;
  const jobParam = typeof params.job === 'string' && /^[0-9a-f-]{36}$/.test(params.job) ? params.job : null;
  const { account } = await currentScope(user?.accounts);
  // A job of another account (a link from the activity log) is not highlighted in this one's queue.
  const found = jobParam ? await getJob(jobParam) : null;
  const job = found && found.account === account ? found : null;
  const batch = job?.batchId ?? batchParam;
  const canAct = user !== null && roleAtLeast(user.role, 'operator');
  const canChangeSettings = user !== null && roleAtLeast(user.role, 'admin');
  const everyAccount = user?.accounts === undefined || user.accounts === '*';
  const canPauseAll = canAct && everyAccount && (await listAccounts()).length > 1;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('intro')}</p>
        </div>
        {canAct ? (
          <Link href="/exports/new" className={buttonClass('secondary')}>
            {t('newExports')}
          </Link>
        ) : null}
      </div>
      <QueueView
        initial={await queueSnapshot(account, await rulesInAccount(account, user?.accounts))}
        canAct={canAct}
        canChangeSettings={canChangeSettings}
        canPauseAll={canPauseAll}
        highlight={batch}
        highlightJob={job?.id ?? null}
      />
    </div>
  );
}
