import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AccountAccess } from '@/lib/accounts/types';
import { changed, getDb } from '@/lib/db';
import type { Role } from './roles';
import type { UserRecord } from './users-file';
import { userKey, userStamp } from './users-store';

/**
 * Sessions kept on the server (issue 14.3). The cookie's encrypted token carries only the session's id (and the
 * name and role, for display); whether the session is still open is decided here, on every request (cached for
 * a few seconds, see session-check.ts).
 */
export type EndReason =
  | 'signedOut'
  | 'endedByAdmin'
  | 'roleChanged'
  | 'passwordChanged'
  | 'accountsChanged'
  | 'userRemoved';

export type SessionInfo = {
  id: string;
  userName: string;
  role: Role;
  provider: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  clientAddress: string | null;
  userAgent: string | null;
  endedAt: number | null;
  endReason: string | null;
  /** For users-file sessions: the user's role and password at sign-in, as a digest (see userStamp). */
  userStamp: string | null;
  /** The accounts this session may reach (fixed at sign-in, like the role). */
  accounts: AccountAccess;
};

type Row = {
  id: string;
  user_name: string;
  role: string;
  provider: string;
  user_stamp: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  client_address: string | null;
  user_agent: string | null;
  ended_at: number | null;
  end_reason: string | null;
  accounts: string | null;
};

/** null (every account) or a JSON list of names. */
function accountsOf(column: string | null): AccountAccess {
  if (column === null) return '*';
  try {
    const names = JSON.parse(column) as unknown;
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

export function sameAccess(a: AccountAccess, b: AccountAccess): boolean {
  if (a === '*' || b === '*') return a === b;
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

function toInfo(r: Row): SessionInfo {
  return {
    id: r.id,
    userName: r.user_name,
    role: r.role as Role,
    provider: r.provider,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    clientAddress: r.client_address,
    userAgent: r.user_agent,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    userStamp: r.user_stamp,
    accounts: accountsOf(r.accounts),
  };
}

export async function createSession(input: {
  name: string;
  role: Role;
  provider: string;
  user?: UserRecord;
  /** What the user may reach (users file, OIDC claim); every account when absent. */
  accounts?: AccountAccess;
  clientAddress?: string | null;
  userAgent?: string | null;
  maxAgeMs: number;
  now?: number;
}): Promise<string> {
  const now = input.now ?? Date.now();
  const id = randomBytes(18).toString('base64url');
  const db = await getDb();
  await db
    .insertInto('sessions')
    .values({
      id,
      user_name: input.name,
      user_key: userKey(input.name),
      role: input.role,
      provider: input.provider,
      user_stamp: input.user ? userStamp(input.user) : null,
      created_at: now,
      last_seen_at: now,
      expires_at: now + input.maxAgeMs,
      client_address: input.clientAddress ?? null,
      user_agent: input.userAgent ?? null,
      ended_at: null,
      end_reason: null,
      ended_by: null,
      accounts: (input.accounts ?? '*') === '*' ? null : JSON.stringify(input.accounts),
    })
    .execute();
  return id;
}

export async function readSession(id: string): Promise<SessionInfo | undefined> {
  const db = await getDb();
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

/** Open: not ended and not expired. */
export function isOpen(session: SessionInfo, now = Date.now()): boolean {
  return session.endedAt === null && session.expiresAt > now;
}

/** Ends one session; false when it was already ended (or never existed). */
export async function endSession(id: string, reason: EndReason, by: string | null, now = Date.now()) {
  const db = await getDb();
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: now, end_reason: reason, ended_by: by })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return changed(result) > 0;
}

/** Ends every open users-file session of a user at once (a role or password change, a removal). */
export async function endUserSessions(name: string, reason: EndReason, now = Date.now()): Promise<number> {
  const db = await getDb();
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: now, end_reason: reason, ended_by: null })
    .where('user_key', '=', userKey(name))
    .where('provider', '=', 'credentials')
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return changed(result);
}

/** Last seen is written at most once a minute per session: a poll every few seconds costs no write. */
const TOUCH_EVERY_MS = 60_000;

export async function touchSession(session: SessionInfo, now = Date.now()): Promise<void> {
  if (now - session.lastSeenAt < TOUCH_EVERY_MS) return;
  const db = await getDb();
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
}

/** Open sessions, the most recently seen first (the admin's list). */
export async function listOpenSessions(now = Date.now(), limit = 500): Promise<SessionInfo[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toInfo);
}

/**
 * Why a users-file session may not go on with the users file as it is now, or null when it may: its user was
 * removed, or their role or password changed since the session began.
 */
export function staleReason(session: SessionInfo, users: UserRecord[]): EndReason | null {
  if (session.provider !== 'credentials') return null;
  const user = users.find((u) => u.name.toLowerCase() === userKey(session.userName));
  if (!user) return 'userRemoved';
  if (user.role !== session.role) return 'roleChanged';
  if (!sameAccess(user.accounts, session.accounts)) return 'accountsChanged';
  if (userStamp(user) !== session.userStamp) return 'passwordChanged';
  return null;
}

/**
 * Ends, in the database, every open session the users file no longer allows (run when the file changes, and
 * once at start): the admin's list is right at once, on every replica, even for sessions nobody uses now.
 */
export async function endStaleSessions(users: UserRecord[], now = Date.now()): Promise<number> {
  let ended = 0;
  for (const session of await listOpenSessions(now, 100_000)) {
    const reason = staleReason(session, users);
    if (reason && (await endSession(session.id, reason, null, now))) ended += 1;
  }
  return ended;
}

/** Removes sessions ended or expired more than `keepMs` ago (the table does not grow forever). */
export async function pruneSessions(keepMs: number, now = Date.now()): Promise<void> {
  const db = await getDb();
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('ended_at', '<', now - keepMs), eb('expires_at', '<', now - keepMs)]))
    .execute();
}
