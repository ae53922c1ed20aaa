import { hostname } from 'node:os';
import { getTranslations } from 'next-intl/server';
import { engine } from '@/lib/db';
import { getFormat } from '@/lib/format/server';
import { listLeases } from '@/lib/queue/lease';

/**
 * Settings → Background work: which process (replica) holds each lease — every account's queue worker with its
 * rules' scheduler, the alert deliveries — and until when. With several replicas on PostgreSQL this is where
 * to see that each runs on exactly one. The page has checked the admin role.
 */
export async function LeasesSection() {
  const [t, f, leases] = await Promise.all([getTranslations('settings'), getFormat(), listLeases()]);
  // Owners are `<host>:<pid>:<id>`: the host is the replica (a pod's name in Kubernetes).
  const here = hostname();
  return (
    <section aria-labelledby="settings-leases" className="space-y-3" data-testid="leases-section">
      <div>
        <h2 id="settings-leases" className="text-lg font-semibold">
          {t('leases.title')}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          {t('leases.intro', { engine: engine() })}
        </p>
      </div>
      {leases.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('leases.none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('leases.work')}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('leases.holder')}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('leases.until')}
                </th>
              </tr>
            </thead>
            <tbody>
              {leases.map((l) => {
                const [host = l.owner] = l.owner.split(':');
                const account = l.name.startsWith('worker:') ? l.name.slice('worker:'.length) : null;
                return (
                  <tr key={l.name} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="py-1.5 pr-4">
                      {account
                        ? t('leases.worker', { account })
                        : l.name === 'alerts'
                          ? t('leases.alerts')
                          : t('leases.other', { name: l.name })}
                    </td>
                    <td className="py-1.5 pr-4 font-mono text-xs">
                      {l.owner}
                      {host === here ? ` (${t('leases.thisReplica')})` : ''}
                    </td>
                    <td className="py-1.5 pr-4">{f.dateTime(l.expiresAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
