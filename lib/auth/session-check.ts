import 'server-only';
import type { AccountAccess } from '@/lib/accounts/types';
import type { Role } from './roles';
import {
  endStaleSessions,
  endUserSessions,
  isOpen,
  pruneSessions,
  readSession,
  staleReason,
  touchSession,
} from './sessions-store';
import { type UsersSnapshot, usersFileSignature, usersSnapshot } from './users-store';

/**
 * Is this session still open, and as whom? Asked by every request and action (requireRole, the proxy), so the
 * answer is kept a few seconds per session (`LOGPORT_SESSION_CHECK_SECONDS`, default 5): the polled list route
 * then costs one database read per session every few seconds, not one per request.
 *
 * What is never served from that memory:
 *  - a session ended in this process (sign-out, an admin): forgotten at once (`forgetSession`);
 *  - a changed users file: its signature is compared on every call (a stat, microseconds), and an answer
 *    computed with another version of the file is not used. A role change is never served with the old role.
 * A session ended on another replica is refused there within the memory's few seconds.
 */
export type SessionCaller = { name: string; role: Role; accounts: AccountAccess };

type Entry = { until: number; caller: SessionCaller | null; usersSignature: string };
type State = {
  entries: Map<string, Entry>;
  usersSignature: string | null;
  reconciling: Promise<void> | null;
  prunedAt: number;
};

const MAX_ENTRIES = 10_000;
const PRUNE_EVERY_MS = 3_600_000;
/** Ended and expired sessions stay listed this long (who was signed in, when), then go. */
const KEEP_ENDED_MS = 30 * 24 * 3_600_000;

// On globalThis: the proxy and the route handlers are separate bundles of one process, with one memory.
const g = globalThis as unknown as { logportSessionCheck?: State };

function state(): State {
  g.logportSessionCheck ??= { entries: new Map(), usersSignature: null, reconciling: null, prunedAt: 0 };
  return g.logportSessionCheck;
}

export function checkMemoryMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.LOGPORT_SESSION_CHECK_SECONDS);
  return env.LOGPORT_SESSION_CHECK_SECONDS !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? Math.min(seconds, 60) * 1000
    : 5_000;
}

/** When the users file changed: end, in the database, every session it no longer allows (all replicas see it). */
async function reconcile(): Promise<void> {
  const s = state();
  s.reconciling ??= (async () => {
    const snapshot = await usersSnapshot();
    s.entries.clear();
    // A missing or broken file refuses everyone (see verify) but ends nothing: fixing it lets them back in.
    if (snapshot.users) await endStaleSessions(snapshot.users);
    s.usersSignature = snapshot.signature;
  })().finally(() => {
    s.reconciling = null;
  });
  await s.reconciling;
}

async function verify(id: string, snapshot: UsersSnapshot, now: number) {
  const session = await readSession(id);
  if (!session || !isOpen(session, now)) return { caller: null, expiresAt: 0 };
  if (session.provider === 'credentials') {
    if (!snapshot.users) return { caller: null, expiresAt: 0 };
    const reason = staleReason(session, snapshot.users);
    if (reason) {
      await endUserSessions(session.userName, reason, now);
      return { caller: null, expiresAt: 0 };
    }
  }
  await touchSession(session, now);
  return {
    caller: { name: session.userName, role: session.role, accounts: session.accounts },
    expiresAt: session.expiresAt,
  };
}

async function maybePrune(now: number): Promise<void> {
  const s = state();
  if (now - s.prunedAt < PRUNE_EVERY_MS) return;
  s.prunedAt = now;
  await pruneSessions(KEEP_ENDED_MS, now);
}

/** The caller of an open session with this id, or null (unknown, ended, expired, or its user changed). */
export async function checkSession(id: string, now = Date.now()): Promise<SessionCaller | null> {
  const s = state();
  try {
    const signature = usersFileSignature();
    if (signature !== s.usersSignature) await reconcile();
    const hit = s.entries.get(id);
    if (hit && now < hit.until && hit.usersSignature === signature) return hit.caller;
    const snapshot = await usersSnapshot();
    const { caller, expiresAt } = await verify(id, snapshot, now);
    if (s.entries.size >= MAX_ENTRIES) s.entries.clear();
    const until = caller ? Math.min(now + checkMemoryMs(), expiresAt) : now + checkMemoryMs();
    s.entries.set(id, { until, caller, usersSignature: snapshot.signature });
    await maybePrune(now);
    return caller;
  } catch (err) {
    // The database did not answer: refuse (closed), remember nothing, say why in the log.
    console.error('[session] check failed:', err instanceof Error ? err.message : err);
    return null;
  }
}

/** Drops what this process remembers of a session (it was just ended here). */
export function forgetSession(id: string): void {
  state().entries.delete(id);
}

/** Drops everything remembered (tests; a user's sessions ended at once). */
export function forgetAllSessions(): void {
  state().entries.clear();
}
