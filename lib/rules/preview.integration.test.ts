import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { startWithClients } from '@/emulator/test-clients';
import { makeTempDataDir } from '@/lib/queue/test-support';

// The rules form's "Matches N log groups" on a fresh install: no scheduler tick has filled the log-group mirror
// yet (it only runs once a rule exists), so a tag preview must read the groups and their tags itself.
const env = await startWithClients({ seed: true });
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2',
});
makeTempDataDir();
const { previewGroups } = await import('./service');
const { getDb } = await import('@/lib/db');

afterAll(async () => {
  await env.emulator.close();
});

describe('previewGroups', () => {
  it('a tag on a fresh store: the groups and their tags are read, then kept for the next preview', async () => {
    const first = await previewGroups(
      { account: 'default', region: 'us-east-2' },
      { tag: { key: 'archive', value: 'true' } },
      ['/aws/lambda/payments-webhook'],
    );
    expect(first).toEqual({ names: ['/aws/lambda/orders-api', '/ecs/checkout-service'], total: 2 });
    const db = await getDb();
    const known = await db
      .selectFrom('log_groups')
      .select('name')
      .where('tags_read_at', 'is not', null)
      .execute();
    expect(known.length).toBeGreaterThanOrEqual(16);

    // A group tagged after the mirror was filled is read at its first preview (its tags were never read).
    await env.logs.send(
      new CreateLogGroupCommand({ logGroupName: '/preview/new', tags: { archive: 'true' } }),
    );
    const { syncLogGroups } = await import('@/lib/log-groups/cache');
    await syncLogGroups({ account: 'default', region: 'us-east-2' });
    const again = await previewGroups(
      { account: 'default', region: 'us-east-2' },
      { tag: { key: 'archive', value: 'true' } },
      [],
    );
    expect(again.names).toContain('/preview/new');
    expect(again.total).toBe(4);
  });

  it('names and prefixes need no mirror: names as given, a prefix as AWS lists it', async () => {
    expect(
      await previewGroups({ account: 'default', region: 'us-east-2' }, { names: ['/b', '/a'] }, ['/b']),
    ).toEqual({
      names: ['/a'],
      total: 1,
    });
    const prefix = await previewGroups(
      { account: 'default', region: 'us-east-2' },
      { prefix: '/aws/lambda/orders' },
      [],
    );
    expect(prefix.names).toEqual(['/aws/lambda/orders-api']);
  });
});

describe('listRules', () => {
  it('says when the next window becomes due: with 12 h to settle, often the previous window', async () => {
    const { saveRule, listRules } = await import('./service');
    const saved = await saveRule(
      { name: 'ui', role: 'admin' },
      {
        name: 'next-due',
        region: 'us-east-2',
        logGroups: { names: ['/aws/lambda/orders-api'] },
        bucket: 'logport-exports',
        every: 'day',
        timeZone: 'UTC',
        settleMinutes: 720,
      },
    );
    expect(saved.ok).toBe(true);
    const DAY = 86_400_000;
    const now = Date.now();
    const midnight = Math.floor(now / DAY) * DAY;
    // Yesterday's window is due at noon today; once noon has passed, today's is due at noon tomorrow.
    const expected = now < midnight + DAY / 2 ? midnight + DAY / 2 : midnight + DAY + DAY / 2;
    const [view] = await listRules({ scope: { account: 'default', region: 'us-east-2' } });
    expect(view?.stats.nextDueAt).toBe(expected);
  });
});
