import { ACCOUNT_NAME, type AccountAccess } from '@/lib/accounts/types';
import { isRole, type Role } from './roles';

/** OpenID Connect settings, read only from the environment; absent issuer/client means OIDC is off. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scope: string;
  roleClaim: string;
  roleValues: Record<Role, string[]>;
  defaultRole: Role | null;
  /** The claim naming the accounts a user may reach (null: every account). */
  accountsClaim: string | null;
};

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export function oidcConfigFromEnv(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const issuer = env.LOGPORT_OIDC_ISSUER?.trim();
  const clientId = env.LOGPORT_OIDC_CLIENT_ID?.trim();
  if (!issuer || !clientId) return null;
  const defaultRole = env.LOGPORT_OIDC_DEFAULT_ROLE?.trim();
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret: env.LOGPORT_OIDC_CLIENT_SECRET ?? '',
    name: env.LOGPORT_OIDC_NAME?.trim() || 'Single sign-on',
    scope: env.LOGPORT_OIDC_SCOPE?.trim() || 'openid email profile',
    roleClaim: env.LOGPORT_OIDC_ROLE_CLAIM?.trim() || 'groups',
    roleValues: {
      admin: list(env.LOGPORT_OIDC_ADMIN_VALUES),
      operator: list(env.LOGPORT_OIDC_OPERATOR_VALUES),
      viewer: list(env.LOGPORT_OIDC_VIEWER_VALUES),
    },
    defaultRole: isRole(defaultRole) ? defaultRole : null,
    accountsClaim: env.LOGPORT_OIDC_ACCOUNTS_CLAIM?.trim() || null,
  };
}

/** Reads a claim by dotted path (`realm_access.roles`), as a list of strings. */
function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The highest role whose configured values appear in the claim; the default role otherwise (null: refuse). */
export function roleFromClaims(claims: Record<string, unknown>, config: OidcConfig): Role | null {
  const values = new Set(claimValues(claims, config.roleClaim));
  for (const role of ['admin', 'operator', 'viewer'] as const) {
    if (config.roleValues[role].some((v) => values.has(v))) return role;
  }
  return config.defaultRole;
}

/**
 * The accounts a single sign-on user may reach: every account when no accounts claim is configured; otherwise
 * the claim's values that are account names (`*` among them: every account). null when the claim names none:
 * such a user is refused, as one without a role is, rather than shown an empty console.
 */
export function accountsFromClaims(
  claims: Record<string, unknown>,
  config: OidcConfig,
): AccountAccess | null {
  if (!config.accountsClaim) return '*';
  const values = claimValues(claims, config.accountsClaim);
  if (values.includes('*')) return '*';
  const names = [...new Set(values.filter((v) => ACCOUNT_NAME.test(v)))];
  return names.length > 0 ? names : null;
}
