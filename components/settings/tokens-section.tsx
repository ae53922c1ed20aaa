import { getTranslations } from 'next-intl/server';
import { accountsFor } from '@/lib/accounts/scope';
import { currentUser } from '@/lib/auth/require-role';
import { listApiTokens } from '@/lib/auth/tokens';
import { getFormat } from '@/lib/format/server';
import { TokenForm } from './token-form';
import { type TokenRow, TokensList } from './tokens-list';

/**
 * Settings → API tokens (issue 13): every token with its role, accounts, who made it and when, its expiry, its
 * last use and whether it was revoked; revoke (after a confirmation) and the form to create one. The token
 * itself is never part of this page: it is shown once by the form, from the create action's answer. The page
 * has checked the admin role; each action checks it again itself.
 */
export async function TokensSection() {
  const [t, f, user, tokens] = await Promise.all([
    getTranslations('settings'),
    getFormat(),
    currentUser(),
    listApiTokens(),
  ]);
  const accounts = (await accountsFor(user?.accounts)).map((a) => a.name);
  const limited = user?.accounts !== undefined && user.accounts !== '*';
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows: TokenRow[] = tokens.map((token) => ({
    id: token.id,
    name: token.name,
    hint: token.hint,
    role: token.role,
    accounts: token.accounts === '*' ? null : [...token.accounts],
    state: token.state,
    created: { text: f.dateTime(token.createdAt), iso: iso(token.createdAt), by: token.createdBy },
    expires:
      token.expiresAt === null ? null : { text: f.dateTime(token.expiresAt), iso: iso(token.expiresAt) },
    lastUsed:
      token.lastUsedAt === null
        ? null
        : { text: f.dateTime(token.lastUsedAt), iso: iso(token.lastUsedAt), address: token.lastUsedAddress },
    revoked:
      token.revokedAt === null
        ? null
        : { text: f.dateTime(token.revokedAt), iso: iso(token.revokedAt), by: token.revokedBy ?? '' },
  }));
  return (
    <section aria-labelledby="settings-tokens" className="space-y-3" data-testid="tokens-section">
      <div>
        <h2 id="settings-tokens" className="text-lg font-semibold">
          {t('tokens.title')}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('tokens.intro')}</p>
      </div>
      <TokensList rows={rows} />
      <TokenForm accounts={accounts} limited={limited} />
    </section>
  );
}
