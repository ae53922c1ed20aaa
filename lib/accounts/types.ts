/**
 * Where an AWS call runs and a stored row belongs: one of Logport's accounts (by its name in Logport) and a
 * Region. Plain JSON; runs in the browser too.
 */
export type Scope = { account: string; region: string };

/** The account of the ambient credentials (the SDK's chain); it needs no accounts file. */
export const DEFAULT_ACCOUNT = 'default';

/** Names people use in URLs and the accounts file: `prod`, `staging-eu`. */
export const ACCOUNT_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** Who may see which accounts: every one, or these names. */
export type AccountAccess = '*' | readonly string[];

export function mayAccess(access: AccountAccess | undefined, account: string): boolean {
  return access === undefined || access === '*' || access.includes(account);
}

export function scopeKey(scope: Scope): string {
  return `${scope.account}|${scope.region}`;
}

export type AccountConfig = {
  name: string;
  /** The 12-digit id; null for `default` until STS answers who the ambient credentials are. */
  id: string | null;
  /** Reached by STS AssumeRole with this role (null: the ambient credentials, the `default` account). */
  roleArn: string | null;
  externalId: string | null;
  regions: string[];
};
