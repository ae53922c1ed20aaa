import { isPasswordHash } from './password';
import { isRole, ROLES, type Role } from './roles';

/**
 * The users file: one user per line, `name:role:hash`, `#` starts a comment.
 * Kept as plain text (like htpasswd) so an operator can read and diff it; only scrypt hashes, never passwords.
 */
export type UserRecord = { name: string; role: Role; hash: string };

export const USER_NAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;

export class UsersFileError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
    readonly file?: string,
  ) {
    super(`${file ? `${file} ` : 'users file '}line ${line}: ${problem}`);
    this.name = 'UsersFileError';
  }
}

export function parseUsersFile(text: string, file?: string): UserRecord[] {
  const users: UserRecord[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const lineNo = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split(':');
    if (parts.length !== 3) {
      throw new UsersFileError(lineNo, 'expected "name:role:hash" (3 fields separated by ":")', file);
    }
    const [name = '', role = '', hash = ''] = parts.map((p) => p.trim());
    if (!USER_NAME_PATTERN.test(name)) {
      throw new UsersFileError(
        lineNo,
        `invalid user name "${name}" (letters, digits, . _ @ -, up to 64)`,
        file,
      );
    }
    if (!isRole(role)) {
      throw new UsersFileError(lineNo, `unknown role "${role}" (use ${ROLES.join(', ')})`, file);
    }
    if (!isPasswordHash(hash)) {
      throw new UsersFileError(
        lineNo,
        'the password field is not a scrypt hash; set it with `npm run user -- passwd NAME`',
        file,
      );
    }
    if (seen.has(name.toLowerCase())) throw new UsersFileError(lineNo, `user "${name}" appears twice`, file);
    seen.add(name.toLowerCase());
    users.push({ name, role, hash });
  });
  return users;
}

export function formatUsersFile(users: UserRecord[]): string {
  const header =
    '# Logport users: name:role:scrypt-hash. Manage with `npm run user -- add NAME --role ROLE`.\n';
  return `${header}${users.map((u) => `${u.name}:${u.role}:${u.hash}`).join('\n')}\n`;
}
