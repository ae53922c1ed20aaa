import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { AccountAccess } from '@/lib/accounts/types';
import { sessionMaxAge } from '@/lib/config';
import { sameOriginUrl } from './callback-url';
import { accountsFromClaims, oidcConfigFromEnv, roleFromClaims } from './oidc';
import { verifyPassword } from './password';
import { isRole, type Role } from './roles';
import { forgetSession } from './session-check';
import { createSession, endSession } from './sessions-store';
import { signinContext } from './signin-context';
import type { UserRecord } from './users-file';
import { usersSnapshot } from './users-store';

// A fixed hash so an unknown user costs the same time as a wrong password (no user enumeration by timing).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Password',
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials) {
        const context = signinContext();
        const username = String(credentials?.username ?? '').slice(0, 128);
        const password = String(credentials?.password ?? '').slice(0, 1024);
        const { users } = await usersSnapshot();
        const wanted = username.trim().toLowerCase();
        const user = users?.find((u) => u.name.toLowerCase() === wanted);
        // Always one scrypt run, known user or not, so the time taken does not tell (no user enumeration).
        const valid = await verifyPassword(password, user?.hash ?? DUMMY_HASH);
        // A missing or broken users file is Logport's fault, not a guess: it does not count against anyone.
        if (context)
          context.outcome = users === null ? 'error' : user && valid && username ? 'success' : 'failure';
        if (!user || !valid || !username || !password) return null;
        return { id: user.name, name: user.name, role: user.role, record: user };
      },
    }),
  ];
  const oidc = oidcConfigFromEnv();
  if (oidc) {
    list.push({
      id: 'oidc',
      name: oidc.name,
      type: 'oauth',
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: oidc.scope } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: Record<string, unknown>) {
        const name = [profile.email, profile.preferred_username, profile.name, profile.sub].find(
          (v): v is string => typeof v === 'string' && v !== '',
        );
        const accounts = accountsFromClaims(profile, oidc);
        return {
          id: String(profile.sub),
          name: name ?? 'unknown',
          // No accounts from the claim: no role either, so the sign-in is refused (see signIn below).
          role: accounts === null ? undefined : (roleFromClaims(profile, oidc) ?? undefined),
          accounts: accounts ?? [],
          noAccounts: accounts === null,
        };
      },
    });
  }
  return list;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: sessionMaxAge() },
  jwt: { maxAge: sessionMaxAge() },
  pages: { signIn: '/signin', error: '/signin' },
  providers: providers(),
  callbacks: {
    // Every callbackUrl next-auth follows (sign-in, sign-out, the OIDC return) passes the same check as the
    // sign-in form. next-auth's default calls `new URL(url)` unguarded (a 500 on `%0a`) and compares strings.
    redirect({ url, baseUrl }) {
      return sameOriginUrl(url, baseUrl)?.href ?? baseUrl;
    },
    // An OIDC user whose claims map to no role (and no default role) is refused rather than given access; one
    // whose accounts claim names no account is refused with its own reason, so the page says what to ask for.
    signIn({ user }) {
      if ((user as { noAccounts?: unknown }).noAccounts === true) return '/signin?error=NoAccounts';
      return isRole((user as { role?: unknown }).role);
    },
    // At sign-in (and only then, `user` is set): a session row on the server, named in the token by its id.
    // Its role is fixed; a role change in the users file ends the session (session-check.ts).
    async jwt({ token, user, account }) {
      if (user) {
        const role = (user as { role?: Role }).role as Role;
        const record = (user as { record?: UserRecord }).record;
        const context = signinContext();
        token.role = role;
        token.sid = await createSession({
          name: user.name ?? String(user.id),
          role,
          provider: account?.provider ?? 'unknown',
          ...(record && account?.provider === 'credentials' ? { user: record } : {}),
          // The users file's fourth field, or the OIDC accounts claim: fixed for the session, like the role.
          accounts: record?.accounts ?? (user as { accounts?: AccountAccess }).accounts ?? '*',
          clientAddress: context?.clientAddress ?? null,
          userAgent: context?.userAgent ?? null,
          maxAgeMs: sessionMaxAge() * 1000,
        });
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && isRole(token.role)) {
        session.user.name = token.name ?? session.user.name;
        session.user.role = token.role;
      }
      return session;
    },
  },
  events: {
    // Sign-out ends this session on the server: the cookie, replayed, no longer works.
    async signOut({ token }) {
      const sid = typeof token?.sid === 'string' ? token.sid : null;
      if (!sid) return;
      await endSession(sid, 'signedOut', typeof token.name === 'string' ? token.name : null);
      forgetSession(sid);
    },
  },
  logger: {
    error(code, metadata) {
      console.error('[next-auth]', code, metadata instanceof Error ? metadata.message : '');
    },
    warn(code) {
      if (code !== 'NEXTAUTH_URL') console.warn('[next-auth]', code);
    },
    debug() {},
  },
};
