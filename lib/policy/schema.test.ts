import { describe, expect, it } from 'vitest';
import { generateBucketPolicy, POLICY_MESSAGE_KEY_LIST, partitionForRegion, policyFormSchema } from './index';

const ok = {
  scenario: 'same-account',
  bucket: 'my-exported-logs',
  region: 'us-east-2',
  partition: 'aws',
  accountId: '111122223333',
};
function errors(values: object): Record<string, string[]> {
  const r = policyFormSchema.safeParse({ ...ok, ...values });
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of r.error.issues) {
    const path = issue.path.join('.');
    out[path] = [...(out[path] ?? []), issue.message];
  }
  return out;
}

describe('policyFormSchema', () => {
  it('accepts a minimal form and fills defaults; its output feeds the generator', () => {
    const r = policyFormSchema.parse({ ...ok, prefix: 'exports/' });
    expect(r).toMatchObject({ prefix: 'exports', sourceAccounts: [], confusedDeputy: true });
    expect(generateBucketPolicy(r).Statement).toHaveLength(2);
  });

  it.each([
    ['ab', 'policy.errors.bucketLength'],
    ['a'.repeat(64), 'policy.errors.bucketLength'],
    ['', 'policy.errors.bucketRequired'],
    ['My-Bucket', 'policy.errors.bucketInvalid'],
    ['-bucket', 'policy.errors.bucketInvalid'],
    ['bucket-', 'policy.errors.bucketInvalid'],
    ['my..bucket', 'policy.errors.bucketInvalid'],
    ['my_bucket', 'policy.errors.bucketInvalid'],
    ['192.168.5.4', 'policy.errors.bucketIpAddress'],
    ['xn--bucket', 'policy.errors.bucketReserved'],
    ['bucket-s3alias', 'policy.errors.bucketReserved'],
  ])('bucket %j → %s', (bucket, key) => {
    expect(errors({ bucket }).bucket).toContain(key);
  });

  it.each(['my.exported.logs', 'a1b', '123', 'logs-2024'])('bucket %j is fine', (bucket) => {
    expect(errors({ bucket })).toEqual({});
  });

  it('regions and partitions', () => {
    expect(errors({ region: 'cn-north-1', partition: 'aws-cn' })).toEqual({});
    expect(errors({ region: 'us-gov-west-1', partition: 'aws-us-gov' })).toEqual({});
    expect(errors({ region: 'US-EAST-1' }).region).toEqual(['policy.errors.regionInvalid']);
    expect(errors({ region: 'useast1' }).region).toEqual(['policy.errors.regionInvalid']);
    expect(errors({ partition: 'aws-iso' }).partition).toEqual(['policy.errors.partitionInvalid']);
    expect(errors({ region: 'cn-north-1' }).partition).toEqual(['policy.errors.partitionRegionMismatch']);
    expect(partitionForRegion('cn-northwest-1')).toBe('aws-cn');
    expect(partitionForRegion('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionForRegion('ap-northeast-1')).toBe('aws');
  });

  it('accounts, scenario and exporter name', () => {
    expect(errors({ accountId: '12345' }).accountId).toEqual(['policy.errors.accountIdInvalid']);
    expect(errors({ scenario: 'other' }).scenario).toEqual(['policy.errors.scenarioInvalid']);
    expect(errors({ sourceAccounts: ['111122223333', 'x'] })['sourceAccounts.1']).toEqual([
      'policy.errors.sourceAccountInvalid',
    ]);
    expect(errors({ scenario: 'cross-account-user' }).exporterName).toEqual([
      'policy.errors.exporterNameRequired',
    ]);
    expect(errors({ scenario: 'cross-account-role', exporterName: 'bad name' }).exporterName).toEqual([
      'policy.errors.exporterNameInvalid',
    ]);
    expect(
      errors({ scenario: 'cross-account-role', exporterName: 'x'.repeat(65) }).exporterName,
    ).toBeDefined();
    expect(errors({ scenario: 'cross-account-role', exporterName: 'Log+Exp=o,r.t@e_r-1' })).toEqual({});
  });

  it.each([
    ['/abs', 'policy.errors.prefixLeadingSlash'],
    ['a/../b', 'policy.errors.prefixTraversal'],
    ['..', 'policy.errors.prefixTraversal'],
    ['a\u0000b', 'policy.errors.prefixControlChars'],
    ['tab\there', 'policy.errors.prefixControlChars'],
    ['é'.repeat(451), 'policy.errors.prefixTooLong'],
  ])('prefix %j → %s', (prefix, key) => {
    expect(errors({ prefix }).prefix).toContain(key);
  });

  it.each(['', 'a/b/', 'my..file', 'ログ/2024', 'x'.repeat(900)])('prefix %j is fine', (prefix) => {
    expect(errors({ prefix })).toEqual({});
  });

  it('every message is a listed key', () => {
    const all = [
      errors({
        bucket: '',
        region: 'x',
        partition: 'x',
        scenario: 'x',
        accountId: 'x',
        prefix: '/..',
        sourceAccounts: ['1'],
      }),
      errors({ scenario: 'cross-account-user', region: 'cn-north-1' }),
    ].flatMap((e) => Object.values(e).flat());
    expect(all.length).toBeGreaterThan(6);
    for (const m of all) expect(POLICY_MESSAGE_KEY_LIST).toContain(m);
  });
});
