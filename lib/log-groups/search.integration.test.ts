import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '@/emulator/server';

let emulator: RunningEmulator;
let search: typeof import('./search');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: true });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: 'us-east-2',
    AWS_ACCESS_KEY_ID: 'AKIDLOGGROUPSTEST000',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
  });
  const logs = new CloudWatchLogsClient({
    endpoint: emulator.url,
    region: 'us-east-2',
    credentials: { accessKeyId: 'AKIDLOGGROUPSTEST000', secretAccessKey: 'x' },
  });
  for (let i = 0; i < 120; i++) {
    await logs.send(
      new CreateLogGroupCommand({ logGroupName: `/bulk/service-${String(i).padStart(3, '0')}` }),
    );
  }
  search = await import('./search');
});

afterAll(async () => {
  await emulator?.close();
});

describe('log group search (DescribeLogGroups with logGroupNamePattern)', () => {
  it('pages through every match, 50 at a time, with details', async () => {
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await search.searchLogGroups({
        region: 'us-east-2',
        pattern: 'bulk/service',
        ...(nextToken ? { nextToken } : {}),
      });
      names.push(...page.groups.map((g) => g.name));
      nextToken = page.nextToken ?? undefined;
      pages++;
    } while (nextToken);
    expect(pages).toBe(3);
    expect(names).toHaveLength(120);
    expect(new Set(names).size).toBe(120);
  });

  it('searches case-insensitively by a part of the name and reports size, retention and age', async () => {
    const page = await search.searchLogGroups({ region: 'us-east-2', pattern: 'ORDERS-API' });
    expect(page.groups.map((g) => g.name)).toEqual(['/aws/lambda/orders-api']);
    expect(page.groups[0]).toMatchObject({ retentionInDays: 30 });
    expect(page.groups[0]?.storedBytes).toBeGreaterThan(0);
    expect(page.groups[0]?.creationTime).toBeLessThan(Date.now());
  });

  it('finds exact names for a reloaded wizard and leaves out the missing', async () => {
    const found = await search.getLogGroups({ account: 'default', region: 'us-east-2' }, [
      'my-log-group',
      '/bulk/service-007',
      '/nope',
    ]);
    expect(found.map((g) => g.name)).toEqual(['my-log-group', '/bulk/service-007']);
  });
});
