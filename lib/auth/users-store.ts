import 'server-only';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { usersFilePath } from '@/lib/config';
import { parseUsersFile, type UserRecord } from './users-file';

/**
 * The users file as the server sees it, re-read only when it changes, so `npm run user` takes effect without a
 * restart. A change is noticed by the file's signature (inode, size, modification time): `npm run user` writes a
 * new file and renames it over the old one, so even two changes within one clock tick differ by inode. A stat
 * costs a few microseconds, so every session check can afford it (a role change is never served late).
 */
export type UsersSnapshot = {
  signature: string;
  /** Null when the file is missing or cannot be parsed: nobody with a password can sign in or stay in. */
  users: UserRecord[] | null;
};

// On globalThis: the proxy and the route handlers are separate bundles of one process.
const g = globalThis as unknown as { logportUsers?: UsersSnapshot & { file: string } };

export function usersFileSignature(file = usersFilePath()): string {
  try {
    const s = statSync(/*turbopackIgnore: true*/ file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

export async function usersSnapshot(): Promise<UsersSnapshot> {
  const file = usersFilePath();
  const signature = usersFileSignature(file);
  const cached = g.logportUsers;
  if (cached && cached.file === file && cached.signature === signature) return cached;
  let users: UserRecord[] | null = null;
  if (signature === 'missing') {
    console.error(
      `[logport] users file ${file} not found; create a user with: npm run user -- add NAME --role admin`,
    );
  } else {
    try {
      users = parseUsersFile(await readFile(/*turbopackIgnore: true*/ file, 'utf8'), file);
    } catch (err) {
      // Named in the log with its line; nobody with a password gets in until it is fixed.
      console.error(`[logport] ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  g.logportUsers = { file, signature, users };
  return g.logportUsers;
}

export async function loadUsers(): Promise<UserRecord[]> {
  return (await usersSnapshot()).users ?? [];
}

export function userKey(name: string): string {
  return name.trim().toLowerCase();
}

export async function findUser(name: string): Promise<UserRecord | undefined> {
  const wanted = userKey(name);
  return (await loadUsers()).find((u) => u.name.toLowerCase() === wanted);
}

/**
 * What a session remembers of its user at sign-in: a digest of the role and the password hash. A different
 * digest later means the role or the password changed, and the session ends.
 */
export function userStamp(user: UserRecord): string {
  return createHash('sha256').update(`${user.role}\n${user.hash}`).digest('base64url').slice(0, 22);
}
