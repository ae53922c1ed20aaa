import { describe, expect, it } from 'vitest';
import { oidcConfigFromEnv, roleFromClaims } from './oidc';

const env = {
  LOGPORT_OIDC_ISSUER: 'https://login.example.com/tenant/',
  LOGPORT_OIDC_CLIENT_ID: 'logport',
  LOGPORT_OIDC_CLIENT_SECRET: 's',
  LOGPORT_OIDC_ROLE_CLAIM: 'groups',
  LOGPORT_OIDC_ADMIN_VALUES: 'logport-admins',
  LOGPORT_OIDC_OPERATOR_VALUES: 'logport-operators, sre',
  LOGPORT_OIDC_VIEWER_VALUES: 'everyone',
};

describe('OIDC settings', () => {
  it('is off unless issuer and client id are set', () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(oidcConfigFromEnv({ LOGPORT_OIDC_ISSUER: 'https://x' })).toBeNull();
    expect(oidcConfigFromEnv(env)?.issuer).toBe('https://login.example.com/tenant');
  });

  it('maps the highest matching group to a role', () => {
    const config = oidcConfigFromEnv(env)!;
    expect(roleFromClaims({ groups: ['everyone', 'sre'] }, config)).toBe('operator');
    expect(roleFromClaims({ groups: ['logport-admins', 'everyone'] }, config)).toBe('admin');
    expect(roleFromClaims({ groups: 'everyone' }, config)).toBe('viewer');
  });

  it('refuses users with no matching group unless a default role is set', () => {
    expect(roleFromClaims({ groups: ['marketing'] }, oidcConfigFromEnv(env)!)).toBeNull();
    const withDefault = oidcConfigFromEnv({ ...env, LOGPORT_OIDC_DEFAULT_ROLE: 'viewer' })!;
    expect(roleFromClaims({}, withDefault)).toBe('viewer');
  });

  it('reads nested claims such as Keycloak realm roles or Cognito groups', () => {
    const config = oidcConfigFromEnv({ ...env, LOGPORT_OIDC_ROLE_CLAIM: 'realm_access.roles' })!;
    expect(roleFromClaims({ realm_access: { roles: ['logport-admins'] } }, config)).toBe('admin');
    const cognito = oidcConfigFromEnv({ ...env, LOGPORT_OIDC_ROLE_CLAIM: 'cognito:groups' })!;
    expect(roleFromClaims({ 'cognito:groups': ['sre'] }, cognito)).toBe('operator');
  });
});
