import path from 'node:path';

/** Where Logport keeps its own state (SQLite database, default users file). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.LOGPORT_DATA_DIR || '.data');
}

export function usersFilePath(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.LOGPORT_USERS_FILE || path.join(dataDir(), 'users.txt'),
  );
}

/** Session lifetime in seconds (`LOGPORT_SESSION_HOURS`, default 8 hours). */
export function sessionMaxAge(): number {
  const hours = Number(process.env.LOGPORT_SESSION_HOURS);
  return Math.round((Number.isFinite(hours) && hours > 0 ? hours : 8) * 3600);
}
