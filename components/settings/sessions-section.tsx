import { getTranslations } from 'next-intl/server';
import { currentSessionId } from '@/lib/auth/session';
import { listOpenSessions } from '@/lib/auth/sessions-store';
import { getFormat } from '@/lib/format/server';
import { type SessionRow, SessionsList } from './sessions-list';

/**
 * Settings → Sessions: who is signed in (user, role, since, last seen, address, browser), and a way to end a
 * session (issue 14.3). The page has checked the admin role; the action checks it again itself.
 */
export async function SessionsSection() {
  const [t, f, sessions, current] = await Promise.all([
    getTranslations('settings'),
    getFormat(),
    listOpenSessions(),
    currentSessionId(),
  ]);
  const rows: SessionRow[] = sessions.map((s) => ({
    id: s.id,
    userName: s.userName,
    role: s.role,
    provider: s.provider,
    since: f.dateTime(s.createdAt),
    sinceIso: new Date(s.createdAt).toISOString(),
    lastSeen: f.dateTime(s.lastSeenAt),
    lastSeenIso: new Date(s.lastSeenAt).toISOString(),
    address: s.clientAddress,
    browser: s.userAgent,
    current: s.id === current,
  }));
  return (
    <section aria-labelledby="settings-sessions" className="space-y-3" data-testid="sessions-section">
      <div>
        <h2 id="settings-sessions" className="text-lg font-semibold">
          {t('sessions.title')}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t('sessions.intro')}</p>
      </div>
      <SessionsList rows={rows} />
    </section>
  );
}
