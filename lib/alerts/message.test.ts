import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodyOf, headersOf, payloadOf, signatureOf, slackText } from './message';
import type { AlertFacts } from './types';

const facts: AlertFacts = {
  event: 'export.failed',
  at: Date.UTC(2026, 0, 5, 3, 4, 5),
  rule: { id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', name: 'nightly <prod>' },
  account: 'default',
  region: 'us-east-2',
  logGroup: '/aws/lambda/orders&co',
  window: { start: Date.UTC(2026, 0, 4), end: Date.UTC(2026, 0, 5) },
  taskId: null,
  message: 'Access denied: <b>',
  path: '/queue?job=j1&account=default&region=us-east-2',
};

describe('alert messages', () => {
  it('builds the JSON of issue 13 with its keys in order, the account id and an absolute link', () => {
    const p = payloadOf(facts, '123456789012', 'https://logport.example.com');
    expect(Object.keys(p)).toEqual([
      'event',
      'at',
      'rule',
      'account',
      'region',
      'logGroup',
      'window',
      'taskId',
      'message',
      'url',
    ]);
    expect(p).toMatchObject({
      at: '2026-01-05T03:04:05.000Z',
      account: '123456789012',
      url: 'https://logport.example.com/queue?job=j1&account=default&region=us-east-2',
    });
    expect(JSON.parse(bodyOf(p, 'json'))).toEqual(p);
  });

  it('puts the same facts in one Slack line, with Slack markup escaped', () => {
    const p = payloadOf(facts, '123456789012', 'https://logport.example.com');
    const text = slackText(p);
    expect(text).toBe(
      '[Logport] Export failed · rule "nightly &lt;prod&gt;" · account 123456789012 us-east-2 · /aws/lambda/orders&amp;co · 2026-01-04 00:00 UTC to 2026-01-05 00:00 UTC · Access denied: &lt;b&gt; · <https://logport.example.com/queue?job=j1&account=default&region=us-east-2|Open in Logport>',
    );
    expect(JSON.parse(bodyOf(p, 'slack'))).toEqual({ text });
  });

  it('signs the raw body as GitHub does, and names the event and the delivery', () => {
    const body = '{"a":1}';
    expect(signatureOf(body, 's3cret-s3cret-s3cret')).toBe(
      `sha256=${createHmac('sha256', 's3cret-s3cret-s3cret').update(body).digest('hex')}`,
    );
    const h = headersOf({ event: 'rule.behind', deliveryId: 'd-1', body, secret: null });
    expect(h).toEqual({
      'Content-Type': 'application/json',
      'User-Agent': expect.stringMatching(/^Logport/),
      'X-Logport-Event': 'rule.behind',
      'X-Logport-Delivery': 'd-1',
    });
    expect(
      headersOf({ event: 'test', deliveryId: 'd', body, secret: 'k'.repeat(16) })['X-Logport-Signature'],
    ).toMatch(/^sha256=[0-9a-f]{64}$/);
  });
});
