import { describe, expect, it } from 'vitest';
import { webhookInputSchema } from './schema';
import { ALERT_EVENTS } from './types';

const errorsOf = (input: unknown) => {
  const r = webhookInputSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
};

describe('webhook schema', () => {
  it('takes http and https URLs with every event by default', () => {
    const r = webhookInputSchema.parse({ url: ' https://hooks.slack.com/services/T0/B0/x ' });
    expect(r).toEqual({
      url: 'https://hooks.slack.com/services/T0/B0/x',
      format: 'json',
      events: [...ALERT_EVENTS],
    });
    expect(webhookInputSchema.parse({ url: 'http://10.0.0.5:8080/hook', format: 'slack' }).format).toBe(
      'slack',
    );
  });

  it('refuses other schemes, credentials in the URL, junk and control characters, each with its key', () => {
    expect(errorsOf({ url: 'file:///etc/passwd' })).toEqual(['url:alerts.errors.urlScheme']);
    expect(errorsOf({ url: 'ftp://example.com/x' })).toEqual(['url:alerts.errors.urlScheme']);
    expect(errorsOf({ url: 'javascript:alert(1)' })).toEqual(['url:alerts.errors.urlScheme']);
    expect(errorsOf({ url: 'https://user:pw@example.com/' })).toEqual(['url:alerts.errors.urlCredentials']);
    expect(errorsOf({ url: 'not a url' })).toEqual(['url:alerts.errors.urlInvalid']);
    expect(errorsOf({ url: 'https://example.com/\u202Ex' })).toEqual(['url:alerts.errors.urlInvalid']);
    expect(errorsOf({ url: '' })).toEqual(['url:alerts.errors.urlRequired']);
    expect(errorsOf({ url: `https://example.com/${'a'.repeat(2000)}` })).toEqual([
      'url:alerts.errors.urlTooLong',
    ]);
    expect(errorsOf({})).toEqual(['url:alerts.errors.urlRequired']);
  });

  it('checks the format, the secret and the events', () => {
    expect(errorsOf({ url: 'https://e.com', format: 'xml' })).toEqual(['format:alerts.errors.formatInvalid']);
    expect(errorsOf({ url: 'https://e.com', secret: 'short' })).toEqual([
      'secret:alerts.errors.secretTooShort',
    ]);
    expect(errorsOf({ url: 'https://e.com', secret: 'x'.repeat(257) })).toEqual([
      'secret:alerts.errors.secretTooLong',
    ]);
    expect(errorsOf({ url: 'https://e.com', secret: `${'x'.repeat(20)}\n` })).toEqual([
      'secret:alerts.errors.secretControlChars',
    ]);
    expect(errorsOf({ url: 'https://e.com', events: [] })).toEqual(['events:alerts.errors.eventsInvalid']);
    expect(errorsOf({ url: 'https://e.com', events: ['export.done'] })).toEqual([
      'events:alerts.errors.eventsInvalid',
    ]);
    expect(errorsOf({ url: 'https://e.com', extra: 1 })).toHaveLength(1);
    // An empty secret is no secret (the form always sends the field); events come back once each, in order.
    expect(
      webhookInputSchema.parse({
        url: 'https://e.com',
        secret: '',
        events: ['batch.finished', 'export.failed', 'batch.finished'],
      }),
    ).toMatchObject({ secret: '', events: ['export.failed', 'batch.finished'] });
  });
});
