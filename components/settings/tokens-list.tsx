'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useState, useTransition } from 'react';
import { revokeToken } from '@/app/(console)/settings/token-actions';
import { Alert } from '@/components/ui/alert';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionResult } from '@/lib/action-result';
import type { TokenState, TokenView } from '@/lib/auth/tokens-types';

type When = { text: string; iso: string };

/** One token as the list shows it (times already formatted by the server, in the viewer's zone). */
export type TokenRow = {
  id: string;
  name: string;
  hint: string;
  role: string;
  /** null: every account. */
  accounts: string[] | null;
  state: TokenState;
  created: When & { by: string };
  expires: When | null;
  lastUsed: (When & { address: string | null }) | null;
  revoked: (When & { by: string }) | null;
};

const STATE_TONE: Record<TokenState, Tone> = { active: 'success', expired: 'warning', revoked: 'danger' };

type Notice = { tone: 'success' | 'danger'; text: string };

/**
 * Settings → API tokens: each token (never the token itself: only its public start), revoke after a
 * confirmation. The action checks the admin role itself.
 */
export function TokensList({ rows }: { rows: TokenRow[] }) {
  const t = useTranslations('settings.tokens');
  const tc = useTranslations('common');
  const te = useTranslations('errors');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState<TokenRow | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function revoke(row: TokenRow) {
    startTransition(async () => {
      let result: ActionResult<TokenView>;
      try {
        result = await revokeToken({ id: row.id });
      } catch {
        result = { ok: false, error: 'internal' };
      }
      setConfirming(null);
      setNotice(
        result.ok
          ? { tone: 'success', text: t('revoked', { name: result.data.name }) }
          : { tone: 'danger', text: te.has(result.error) ? te(result.error, result.params) : te('internal') },
      );
      router.refresh();
    });
  }

  const time = (chunks: ReactNode, iso: string) => <time dateTime={iso}>{chunks}</time>;

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
              data-testid="token-row"
              data-name={row.name}
              data-state={row.state}
              className="flex flex-col gap-2 px-4 py-3 text-sm sm:flex-row sm:items-start sm:gap-6"
            >
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="break-all font-medium">{row.name}</span>
                  <Badge tone="brand">{tc('role', { role: row.role })}</Badge>
                  <Badge tone={STATE_TONE[row.state]}>{t('state', { state: row.state })}</Badge>
                  <span className="text-xs text-slate-600 dark:text-slate-400">
                    {t('hint')} <code className="break-all">{row.hint}</code>
                  </span>
                </p>
                <p className="text-slate-700 dark:text-slate-300" data-testid="token-accounts">
                  {row.accounts === null ? t('accountsAll') : row.accounts.join(', ')}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t.rich('createdBy', {
                    name: row.created.by,
                    at: row.created.text,
                    time: (c) => time(c, row.created.iso),
                  })}
                  {' · '}
                  {row.expires
                    ? t.rich('expiresAt', {
                        at: row.expires.text,
                        time: (c) => time(c, row.expires?.iso ?? ''),
                      })
                    : t('neverExpires')}
                </p>
                <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="token-last-used">
                  {row.lastUsed
                    ? t.rich('lastUsed', {
                        at: row.lastUsed.text,
                        address: row.lastUsed.address ?? '—',
                        time: (c) => time(c, row.lastUsed?.iso ?? ''),
                      })
                    : t('neverUsed')}
                </p>
                {row.revoked ? (
                  <p className="text-xs text-red-700 dark:text-red-300">
                    {t.rich('revokedBy', {
                      name: row.revoked.by,
                      at: row.revoked.text,
                      time: (c) => time(c, row.revoked?.iso ?? ''),
                    })}
                  </p>
                ) : null}
              </div>
              {row.state === 'revoked' ? null : (
                <Button
                  variant="secondary"
                  size="sm"
                  className="self-start"
                  disabled={pending}
                  onClick={() => setConfirming(row)}
                  aria-label={t('revokeLabel', { name: row.name })}
                >
                  {t('revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('revokeTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)} disabled={pending}>
              {t('cancel')}
            </Button>
            <Button variant="danger" onClick={() => confirming && revoke(confirming)} disabled={pending}>
              {pending ? t('revoking') : t('revokeConfirm')}
            </Button>
          </>
        }
      >
        <p className="break-all">{t('revokeBody', { name: confirming?.name ?? '' })}</p>
      </Dialog>
    </div>
  );
}
