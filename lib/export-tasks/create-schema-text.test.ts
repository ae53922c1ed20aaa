import { describe, expect, it } from 'vitest';
import { policyFormSchema } from '@/lib/policy/schema';
import { hasForbiddenChars, hasPolicyWildcard } from '@/lib/text/free-text';
import { createExportSchema, fieldErrorsOf } from './create-schema';
import { cancelInputSchema, listQuerySchema } from './list-schema';

/**
 * Issue 14 points 5, 6 and 7: control characters, bidi marks and policy wildcards are refused in every
 * free-text field of the shared schemas, each with a message key; zod's own English never reaches a client.
 */
const good = {
  region: 'us-east-2',
  logGroupNames: ['/aws/lambda/orders-api'],
  from: Date.parse('2026-05-13T00:00:00Z'),
  to: Date.parse('2026-05-14T00:00:00Z') - 1,
  timeZone: 'Asia/Tokyo',
  chunk: 'none',
  destination: 'logport-exports',
  destinationPrefix: 'exportedlogs/x7k2q9',
  taskName: 'orders-api-20260513',
};

function errorsOf(patch: Record<string, unknown>): Record<string, string[]> {
  const result = createExportSchema.safeParse({ ...good, ...patch });
  return result.success ? {} : fieldErrorsOf(result.error);
}

/** Each refused character, by name: C0, DEL, C1, bidi embeddings, overrides and isolates, separators. */
const FORBIDDEN: Array<[string, string]> = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['backspace', '\u0008'],
  ['tab', '\t'],
  ['LF', '\n'],
  ['CR', '\r'],
  ['ESC (terminal escape sequence)', '\u001b[31m'],
  ['DEL', '\u007f'],
  ['C1 NEL', '\u0085'],
  ['C1 CSI', '\u009b'],
  ['arabic letter mark', '\u061c'],
  ['left-to-right mark', '\u200e'],
  ['right-to-left mark', '\u200f'],
  ['line separator', '\u2028'],
  ['paragraph separator', '\u2029'],
  ['LRE', '\u202a'],
  ['RLE', '\u202b'],
  ['PDF', '\u202c'],
  ['LRO', '\u202d'],
  ['RLO (reads backwards)', '\u202e'],
  ['LRI', '\u2066'],
  ['RLI', '\u2067'],
  ['FSI', '\u2068'],
  ['PDI', '\u2069'],
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udc00'],
];

describe('free text: control characters and bidi marks', () => {
  for (const [name, ch] of FORBIDDEN) {
    it(`refuses ${name} in the task name, the stream prefix, the destination prefix and the policy prefix`, () => {
      expect(hasForbiddenChars(`a${ch}b`)).toBe(true);
      expect(errorsOf({ taskName: `orders${ch}x` }).taskName).toEqual(['wizard.errors.taskNameControlChars']);
      expect(errorsOf({ logStreamNamePrefix: `web${ch}1` }).logStreamNamePrefix).toEqual([
        'wizard.errors.streamPrefixControlChars',
      ]);
      expect(errorsOf({ destinationPrefix: `logs${ch}x` }).destinationPrefix).toEqual([
        'wizard.errors.prefixControlChars',
      ]);
      const policy = policyFormSchema.safeParse({
        scenario: 'same-account',
        bucket: 'logport-exports',
        region: 'us-east-2',
        partition: 'aws',
        accountId: '123456789012',
        prefix: `logs${ch}x`,
      });
      expect(policy.success).toBe(false);
      if (!policy.success)
        expect(fieldErrorsOf(policy.error).prefix).toEqual(['policy.errors.prefixControlChars']);
    });
  }

  it('refuses them in a task id (the history filter and the cancel dialog send it to AWS)', () => {
    for (const [, ch] of FORBIDDEN) {
      expect(listQuerySchema.safeParse({ taskId: `abc${ch}def` }).success).toBe(false);
      expect(cancelInputSchema.safeParse({ region: 'us-east-2', taskId: `abc${ch}def` }).success).toBe(false);
    }
  });

  it('keeps what people really type: Japanese, emoji (with joiners), accents, spaces', () => {
    for (const text of ['注文API 2026年5月', 'logs 👩‍💻 team', 'café-export', 'a b', 'Ω≈ç√']) {
      expect(hasForbiddenChars(text), text).toBe(false);
      expect(errorsOf({ taskName: text }), text).toEqual({});
    }
  });

  it('a trimmed task name keeps its inner characters checked (no trim hides a tab)', () => {
    expect(errorsOf({ taskName: 'a\tb' }).taskName).toEqual(['wizard.errors.taskNameControlChars']);
  });
});

describe('destination prefix: no policy wildcards', () => {
  it('refuses *, ? and ${ in the wizard and in the policy generator, with its own message', () => {
    for (const prefix of ['logs/*', 'logs/?', 'a*b', 'team-\u0024{aws:username}', 'x/\u0024{*}']) {
      expect(hasPolicyWildcard(prefix), prefix).toBe(true);
      expect(errorsOf({ destinationPrefix: prefix }).destinationPrefix, prefix).toEqual([
        'wizard.errors.prefixWildcard',
      ]);
      const policy = policyFormSchema.safeParse({
        scenario: 'same-account',
        bucket: 'logport-exports',
        region: 'us-east-2',
        partition: 'aws',
        accountId: '123456789012',
        prefix,
      });
      expect(policy.success, prefix).toBe(false);
      if (!policy.success)
        expect(fieldErrorsOf(policy.error).prefix).toEqual(['policy.errors.prefixWildcard']);
    }
  });

  it('keeps $ alone and the other characters S3 allows', () => {
    for (const prefix of ['cost$center', "logs/(2026)/it's", 'a+b=c', 'ロ/グ'])
      expect(errorsOf({ destinationPrefix: prefix }), prefix).toEqual({});
  });
});

describe('fieldErrorsOf: keys only, never zod English', () => {
  it('turns checks without a key of ours (wrong types from a direct call) into invalidValue', () => {
    const errors = errorsOf({ logGroupNames: 'my-group', queue: 'yes', region: 42, batchId: 'BAD!' });
    for (const [field, keys] of Object.entries(errors))
      for (const key of keys) expect(key, field).toMatch(/^wizard\.errors\.[A-Za-z]+$/);
    expect(errors.queue).toEqual(['wizard.errors.invalidValue']);
  });

  it('takes the fallback of the form it serves', () => {
    const result = createExportSchema.safeParse(null);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrorsOf(result.error, 'policy.errors.invalidValue')).toEqual({
        form: ['policy.errors.invalidValue'],
      });
  });
});
