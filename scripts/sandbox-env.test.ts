import { describe, expect, it } from 'vitest';
import { dropNotice, QUIET_ENV, sandboxServerEnv } from './sandbox-env';

const values = {
  appPort: 3001,
  url: 'http://localhost:3001',
  secret: 'kept-secret',
  emulatorUrl: 'http://127.0.0.1:4567',
  region: 'us-east-2',
  dataDir: '/tmp/sandbox',
  usersFile: '/tmp/sandbox/users.txt',
};

describe('sandbox environment', () => {
  it('switches off the notices that do not apply to a local sandbox', () => {
    const env = sandboxServerEnv(
      { AWS_PROFILE: 'prod', AWS_SESSION_TOKEN: 't', LOGPORT_SANDBOX_PASSWORD: 'chosen-password' },
      values,
    );
    expect(env.NEXT_TELEMETRY_DISABLED).toBe('1');
    // The SDK checks for exactly "true" (@aws-sdk/core emitWarningIfUnsupportedVersion).
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    expect(QUIET_ENV).toMatchObject({ NEXT_TELEMETRY_DISABLED: '1' });
    // Never the user's real AWS identity, never a password in the page's environment.
    expect(env.AWS_PROFILE).toBeUndefined();
    expect(env.AWS_SESSION_TOKEN).toBeUndefined();
    expect(env.AWS_ENDPOINT_URL).toBe(values.emulatorUrl);
    expect(Object.values(env).join('\n')).not.toContain('chosen-password');
  });

  it('drops only the standalone notice from the server output, across chunk boundaries', () => {
    const notice =
      ' ⚠ "next start" does not work with "output: standalone" configuration. Use "node .next/standalone/server.js" instead.\n';
    const a = dropNotice('', `▲ Next.js 16\n${notice.slice(0, 30)}`);
    expect(a.out).toBe('▲ Next.js 16\n');
    const b = dropNotice(a.rest, `${notice.slice(30)}real error\npart`);
    expect(b.out).toBe('real error\n');
    expect(b.rest).toBe('part');
  });
});
