import { describe, expect, it } from 'vitest';
import { planExports, shortId, slugify, suggestTaskName } from './plan';

const at = (s: string) => Date.parse(s);
let n = 0;
const makeId = () => `id${++n}`;

describe('task names', () => {
  it('slugs log group names', () => {
    expect(slugify('/aws/lambda/orders-api')).toBe('aws-lambda-orders-api');
    expect(slugify('API-Gateway-Execution-Logs_abc123/prod')).toBe('api-gateway-execution-logs_abc123-prod');
    expect(slugify('###')).toBe('export');
    expect(slugify('x'.repeat(600)).length).toBe(120);
  });

  it('names a day by its date and a partial range by date and time, in the zone', () => {
    const day = { from: at('2026-05-12T15:00:00Z'), to: at('2026-05-13T15:00:00Z') - 1 };
    expect(suggestTaskName('/aws/lambda/orders-api', day, 'Asia/Tokyo')).toBe(
      'aws-lambda-orders-api-20260513-20260513',
    );
    expect(
      suggestTaskName(
        'my-log-group',
        { from: at('2026-05-14T09:30:00Z'), to: at('2026-05-14T10:30:00Z') - 1 },
        'UTC',
      ),
    ).toBe('my-log-group-20260514T0930-20260514T1030');
    expect(suggestTaskName('g', day, 'Asia/Tokyo', 'ab12cd')).toBe('g-20260513-20260513-ab12cd');
  });

  it('short ids are base 36', () => {
    expect(shortId()).toMatch(/^[a-z0-9]{6}$/);
  });
});

describe('planExports', () => {
  const base = {
    region: 'us-east-2',
    from: at('2026-05-10T00:00:00Z'),
    to: at('2026-05-13T00:00:00Z') - 1,
    timeZone: 'UTC',
    destination: 'logport-exports',
    destinationPrefix: 'exportedlogs',
  };

  it('one group, no chunks: one export with the given task name', () => {
    const plan = planExports({ ...base, logGroupNames: ['my-log-group'], chunk: 'none', taskName: 'mine' });
    expect(plan).toEqual([
      {
        region: 'us-east-2',
        logGroupName: 'my-log-group',
        from: base.from,
        to: base.to,
        destination: 'logport-exports',
        destinationPrefix: 'exportedlogs',
        taskName: 'mine',
      },
    ]);
  });

  it('groups × days, each with a unique name that says what it holds', () => {
    const plan = planExports({
      ...base,
      logGroupNames: ['/aws/lambda/orders-api', '/ecs/checkout-service'],
      chunk: 'day',
      logStreamNamePrefix: 'ecs/',
      taskName: 'ignored when there are several',
      makeId,
    });
    expect(plan).toHaveLength(6);
    expect(new Set(plan.map((p) => p.taskName)).size).toBe(6);
    expect(plan[0]?.taskName).toMatch(/^aws-lambda-orders-api-20260510-20260510-id\d+$/);
    expect(plan[5]?.taskName).toMatch(/^ecs-checkout-service-20260512-20260512-id\d+$/);
    expect(plan.every((p) => p.logStreamNamePrefix === 'ecs/')).toBe(true);
    expect(plan.map((p) => p.logGroupName)).toEqual([
      '/aws/lambda/orders-api',
      '/aws/lambda/orders-api',
      '/aws/lambda/orders-api',
      '/ecs/checkout-service',
      '/ecs/checkout-service',
      '/ecs/checkout-service',
    ]);
  });

  it('real random ids keep names unique over many jobs', () => {
    const plan = planExports({
      ...base,
      logGroupNames: ['a', 'b'],
      chunk: 'day',
      to: at('2027-05-10T00:00:00Z') - 1,
    });
    expect(plan.length).toBe(730);
    expect(new Set(plan.map((p) => p.taskName)).size).toBe(730);
  });
});
