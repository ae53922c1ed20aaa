import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sessionMaxAge } from '@/lib/config';
import { sameOriginUrl } from './callback-url';
import { oidcConfigFromEnv, roleFromClaims } from './oidc';
import { verifyPassword } from './password';
import { isRole } from './roles';
import { findUser } from './users-store';

// A fixed hash so an unknown user costs the same time as a wrong password (no user enumeration by timing).
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

function providers(): NextAuthOptions['providers'] {
  const list: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Password',
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials) {
        const username = String(credentials?.username ?? '').slice(0, 128);
        const password = String(credentials?.password ?? '').slice(0, 1024);
        if (!username || !password) return null;
        const user = await findUser(username);
        const valid = await verifyPassword(password, user?.hash ?? DUMMY_HASH);
        if (!user || !valid) return null;
        return { id: user.name, name: user.name, role: user.role };
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
        return {
          id: String(profile.sub),
          name: name ?? 'unknown',
          role: roleFromClaims(profile, oidc) ?? undefined,
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
    // An OIDC user whose claims map to no role (and no default role) is refused rather than given access.
    signIn({ user }) {
      return isRole((user as { role?: unknown }).role);
    },
    jwt({ token, user }) {
      // The role is fixed at sign-in; a changed role takes effect at the next sign-in.
      if (user) token.role = (user as { role?: unknown }).role as typeof token.role;
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
