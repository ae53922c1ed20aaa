/**
 * The line under the sign-in form. In the sandbox the users exist (scripts/sandbox.ts creates them and says so
 * in LOGPORT_SANDBOX_USERS), so "no users yet?" would send a newcomer the wrong way: name them instead. The
 * password is never put in the page (anyone who can reach the port could read it): the hint says where the
 * sandbox printed it.
 */
export type SignInHint = { kind: 'sandbox'; users: string[] } | { kind: 'noUsers' };

const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;

export function signInHint(env: Record<string, string | undefined>): SignInHint {
  const users = (env.LOGPORT_SANDBOX_USERS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => USER_NAME.test(u))
    .slice(0, 10);
  return users.length > 0 ? { kind: 'sandbox', users } : { kind: 'noUsers' };
}

/** "admin, operator, or viewer" / "admin、operator、または viewer". */
export function userList(users: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(users);
}
