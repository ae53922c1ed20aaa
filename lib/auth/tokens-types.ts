import type { AccountAccess } from '@/lib/accounts/types';
import type { Role } from './roles';

/**
 * An API token as pages and actions show it (issue 13): everything but the token itself and its hash, which
 * never leave the server (the token is returned once, by the action that made it). Plain data: the Settings
 * list renders it in the browser.
 */
export type TokenState = 'active' | 'expired' | 'revoked';

export type TokenView = {
  id: string;
  name: string;
  /** `lpt_<id>_…`: tells tokens apart (and matches the start of the one a script holds); opens nothing. */
  hint: string;
  role: Role;
  accounts: AccountAccess;
  createdAt: number;
  createdBy: string;
  expiresAt: number | null;
  lastUsedAt: number | null;
  lastUsedAddress: string | null;
  revokedAt: number | null;
  revokedBy: string | null;
  state: TokenState;
};

/** What the create action answers: the view, and the token itself, this once. */
export type CreatedToken = { view: TokenView; token: string };

/** How a token shows in the activity log and wherever a caller's name is kept (created_by, enqueued_by). */
export const TOKEN_ACTOR_PREFIX = 'token:';

export function tokenActor(name: string): string {
  return `${TOKEN_ACTOR_PREFIX}${name}`;
}
