'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { endUserSession } from '@/app/(console)/settings/actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/action-result';

/** One open session as the list shows it (times already formatted by the server, in the viewer's zone). */
export type SessionRow = {
  id: string;
  userName: string;
  role: string;
  provider: string;
  since: string;
  sinceIso: string;
  lastSeen: string;
  lastSeenIso: string;
  address: string | null;
  browser: string | null;
  current: boolean;
};

type Notice = { tone: 'success' | 'danger'; text: string };

export function SessionsList({ rows }: { rows: SessionRow[] }) {
  const t = useTranslations('settings.sessions');
  const tc = useTranslations('common');
  const te = useTranslations('errors');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [ending, setEnding] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function end(row: SessionRow) {
    setEnding(row.id);
    startTransition(async () => {
      let result: ActionResult<{ userName: string }>;
      try {
        result = await endUserSession({ sessionId: row.id });
      } catch {
        result = { ok: false, error: 'internal' };
      }
      setNotice(
        result.ok
          ? { tone: 'success', text: t('ended', { name: result.data.userName }) }
          : { tone: 'danger', text: te.has(result.error) ? te(result.error, result.params) : te('internal') },
      );
      setEnding(null);
      router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      <div aria-live="polite">{notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}</div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {t('empty')}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {rows.map((row) => (
            <li
              key={row.id}
              data-testid="session-row"
              data-user={row.userName}
              className="flex flex-col gap-2 px-4 py-3 text-sm sm:flex-row sm:items-start sm:gap-6"
            >
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-medium">{row.userName}</span>
                  <Badge tone="brand">{tc('role', { role: row.role })}</Badge>
                  {row.current ? <Badge tone="success">{t('thisSession')}</Badge> : null}
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {t('provider', { provider: row.provider })}
                  </span>
                </p>
                <p className="text-slate-700 dark:text-slate-300">
                  {t.rich('times', {
                    sinceText: row.since,
                    lastSeenText: row.lastSeen,
                    since: (chunks) => <time dateTime={row.sinceIso}>{chunks}</time>,
                    seen: (chunks) => <time dateTime={row.lastSeenIso}>{chunks}</time>,
                  })}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="session-where">
                  {[row.address ?? t('unknownAddress'), row.browser].filter(Boolean).join(' · ')}
                </p>
              </div>
              {row.current ? null : (
                <Button
                  variant="secondary"
                  size="sm"
                  className="self-start"
                  disabled={pending}
                  onClick={() => end(row)}
                  aria-label={t('endLabel', { name: row.userName, since: row.since })}
                >
                  {ending === row.id ? t('ending') : t('end')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
