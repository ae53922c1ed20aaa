import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AccountAccess } from '@/lib/accounts/types';
import { hashPassword } from './password';
import type { Role } from './roles';
import { formatUsersFile, parseUsersFile, USER_NAME_PATTERN, type UserRecord } from './users-file';

/** Changes to the users file for the `npm run user` script and the sandbox (not reachable from the web). */
export async function readUsers(file: string): Promise<UserRecord[]> {
  return existsSync(file) ? parseUsersFile(await readFile(file, 'utf8'), file) : [];
}

async function writeUsers(file: string, users: UserRecord[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Write then rename, so a running server never reads a half-written file.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, formatUsersFile(users), { mode: 0o600 });
  await rename(temp, file);
}

export async function upsertUser(
  file: string,
  name: string,
  changes: { role?: Role; password?: string; accounts?: AccountAccess },
  mode: 'add' | 'update' | 'upsert',
): Promise<UserRecord> {
  if (!USER_NAME_PATTERN.test(name))
    throw new Error(`invalid user name "${name}" (letters, digits, . _ @ -, up to 64)`);
  const users = await readUsers(file);
  const index = users.findIndex((u) => u.name.toLowerCase() === name.toLowerCase());
  if (mode === 'add' && index >= 0)
    throw new Error(`user "${name}" already exists; use passwd or role to change it`);
  if (mode === 'update' && index < 0) throw new Error(`no user "${name}" in ${file}`);
  if (changes.password !== undefined && changes.password.length < 8) {
    throw new Error('the password must have at least 8 characters');
  }
  const existing = index >= 0 ? users[index] : undefined;
  if (!existing && (!changes.role || changes.password === undefined)) {
    throw new Error('a new user needs a role and a password');
  }
  const record: UserRecord = {
    name: existing?.name ?? name,
    role: changes.role ?? existing?.role ?? 'viewer',
    hash: changes.password !== undefined ? await hashPassword(changes.password) : (existing?.hash ?? ''),
    accounts: changes.accounts ?? existing?.accounts ?? '*',
  };
  if (index >= 0) users[index] = record;
  else users.push(record);
  await writeUsers(file, users);
  return record;
}

export async function removeUser(file: string, name: string): Promise<void> {
  const users = await readUsers(file);
  const kept = users.filter((u) => u.name.toLowerCase() !== name.toLowerCase());
  if (kept.length === users.length) throw new Error(`no user "${name}" in ${file}`);
  await writeUsers(file, kept);
}
