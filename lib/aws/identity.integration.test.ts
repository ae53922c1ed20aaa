import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '@/emulator/server';

// The identity check through the real STS client against the emulator: callers at the same moment share one
// question, an answer is reused while young enough for the caller, and each page's beat decides what is young.
let emulator: RunningEmulator;
let getIdentity: typeof import('./identity').getIdentity;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: false });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDIDENTITYTEST0000',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    LOGPORT_REGIONS: 'us-east-2,us-west-2',
  });
  ({ getIdentity } = await import('./identity'));
});

afterAll(async () => {
  await emulator?.close();
});

async function asked(): Promise<number> {
  const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as Record<string, number>;
  return stats['sts:GetCallerIdentity'] ?? 0;
}

describe('getIdentity', () => {
  it('ten callers at once ask STS once, and share the answer', async () => {
    const before = await asked();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => getIdentity({ account: 'default', region: 'us-east-2' })),
    );
    expect(await asked()).toBe(before + 1);
    expect(new Set(answers.map((a) => a.account)).size).toBe(1);
    expect(answers[0]?.error).toBeNull();
    expect(answers[0]?.account).toMatch(/^\d{12}$/);
  });

  it('an answer is reused while younger than the caller accepts, and asked again once older', async () => {
    const scope = { account: 'default', region: 'us-west-2' };
    await getIdentity(scope);
    const before = await asked();
    await new Promise((r) => setTimeout(r, 300));
    // 300 ms old: young enough for a caller accepting 30 s, too old for one accepting 100 ms.
    await getIdentity(scope, 30_000);
    expect(await asked()).toBe(before);
    await getIdentity(scope, 100);
    expect(await asked()).toBe(before + 1);
  });
});
