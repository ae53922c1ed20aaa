import type { AccountAccess } from '@/lib/accounts/types';
import type { Role } from './roles';

/** Who makes a request: a signed-in user or an API token, with its role and the accounts it may reach. */
export type Caller = {
  name: string;
  role: Role;
  /** The accounts this caller may reach (absent or `*`: every account). */
  accounts?: AccountAccess;
};
