import { ACCOUNT_NAME, type AccountAccess } from '@/lib/accounts/types';
import { isPasswordHash } from './password';
import { isRole, ROLES, type Role } from './roles';

/**
 * The users file: one user per line, `name:role:hash[:accounts]`, `#` starts a comment. `accounts` is `*` (every
 * account, the default when the field is absent: files written before accounts existed stay valid) or the
 * account names this user may reach, comma-separated. Kept as plain text (like htpasswd) so an operator can
 * read and diff it; only scrypt hashes, never passwords.
 */
export type UserRecord = { name: string; role: Role; hash: string; accounts: AccountAccess };

/** `*` or `staging,prod` → the access; null when a name is not an account name. */
export function parseAccountsField(value: string): AccountAccess | null {
  const v = value.trim();
  if (v === '*' || v === '') return v === '*' ? '*' : null;
  const names = [...new Set(v.split(',').map((n) => n.trim()))];
  return names.every((n) => ACCOUNT_NAME.test(n)) ? names : null;
}

export function formatAccountsField(access: AccountAccess): string {
  return access === '*' ? '*' : access.join(',');
}

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
    if (parts.length !== 3 && parts.length !== 4) {
      throw new UsersFileError(
        lineNo,
        'expected "name:role:hash" or "name:role:hash:accounts" (fields separated by ":")',
        file,
      );
    }
    const [name = '', role = '', hash = '', accountsField = '*'] = parts.map((p) => p.trim());
    const accounts = parseAccountsField(accountsField);
    if (accounts === null) {
      throw new UsersFileError(
        lineNo,
        `invalid accounts "${accountsField}" (use * for every account, or names like staging,prod)`,
        file,
      );
    }
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
    users.push({ name, role, hash, accounts });
  });
  return users;
}

export function formatUsersFile(users: UserRecord[]): string {
  const header =
    '# Logport users: name:role:scrypt-hash[:accounts]. Manage with `npm run user -- add NAME --role ROLE`.\n';
  // The accounts field only when the user is limited: a file for one account reads as it always did.
  const line = (u: UserRecord) =>
    `${u.name}:${u.role}:${u.hash}${u.accounts === '*' ? '' : `:${formatAccountsField(u.accounts)}`}`;
  return `${header}${users.map(line).join('\n')}\n`;
}
