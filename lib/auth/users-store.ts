import 'server-only';
import { readFile, stat } from 'node:fs/promises';
import { usersFilePath } from '@/lib/config';
import { parseUsersFile, type UserRecord } from './users-file';

// Re-read the file only when it changes, so `npm run user` takes effect without a restart.
let cache: { mtimeMs: number; users: UserRecord[] } | undefined;

export async function loadUsers(): Promise<UserRecord[]> {
  const file = usersFilePath();
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    console.error(
      `[logport] users file ${file} not found; create a user with: npm run user -- add NAME --role admin`,
    );
    return [];
  }
  if (cache && cache.mtimeMs === mtimeMs) return cache.users;
  const users = parseUsersFile(await readFile(file, 'utf8'), file);
  cache = { mtimeMs, users };
  return users;
}

export async function findUser(name: string): Promise<UserRecord | undefined> {
  const wanted = name.trim().toLowerCase();
  return (await loadUsers()).find((u) => u.name.toLowerCase() === wanted);
}
