import { describe, expect, it } from 'vitest';
import {
  diffLines,
  diffPolicies,
  formatPolicy,
  generateBucketPolicy,
  mergePolicies,
  type PolicyDocument,
  type PolicyInput,
} from './index';

const input: PolicyInput = {
  scenario: 'cross-account-user',
  bucket: 'logs-archive',
  region: 'eu-west-1',
  accountId: '111122223333',
  exporterName: 'exporter',
  prefix: 'cwl',
};
const generated = generateBucketPolicy(input);
const unrelated = (sid?: string) => ({
  ...(sid ? { Sid: sid } : {}),
  Effect: 'Deny' as const,
  Principal: '*' as const,
  Action: 's3:*',
  Resource: ['arn:aws:s3:::logs-archive', 'arn:aws:s3:::logs-archive/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
const existing: PolicyDocument = {
  Version: '2012-10-17',
  Id: 'Corp',
  Statement: [
    unrelated('DenyInsecure'),
    { ...generated.Statement[1]!, Resource: 'arn:aws:s3:::logs-archive/old/*' },
    unrelated(),
  ],
};

describe('mergePolicies', () => {
  it('into nothing: the generated policy', () => {
    const r = mergePolicies(null, generated);
    expect(r.policy).toEqual(generated);
    expect(r).toMatchObject({ added: generated.Statement.map((s) => s.Sid), replaced: [], kept: 0 });
  });

  it('keeps unrelated statements in order, replaces ours in place, appends the rest', () => {
    const r = mergePolicies(existing, generated);
    expect(r.policy.Id).toBe('Corp');
    expect(r.policy.Statement).toEqual([
      existing.Statement[0],
      generated.Statement[1],
      existing.Statement[2],
      generated.Statement[0],
      generated.Statement[2],
    ]);
    expect(r.replaced).toEqual(['LogportCloudWatchLogsPutObject']);
    expect(r.added).toEqual(['LogportCloudWatchLogsGetBucketAcl', 'LogportExporterPutObject']);
    expect(r.kept).toBe(2);
  });

  it('merging twice changes nothing', () => {
    const once = mergePolicies(existing, generated);
    const twice = mergePolicies(once.policy, generated);
    expect(twice.policy).toEqual(once.policy);
    expect(formatPolicy(twice.policy)).toBe(formatPolicy(once.policy));
    expect(twice).toMatchObject({ added: [], replaced: [], kept: 2 });
    expect(twice.unchanged).toHaveLength(3);
    expect(diffPolicies(once.policy, twice.policy).every((l) => l.kind === 'same')).toBe(true);
  });

  it('keeps the existing Version so their statements keep their meaning', () => {
    const r = mergePolicies({ Version: '2008-10-17', Statement: [unrelated('A')] }, generated);
    expect(r.policy.Version).toBe('2008-10-17');
    expect(mergePolicies({ Statement: [unrelated('A')] }, generated).policy.Version).toBe('2012-10-17');
  });

  it('reports Logport statements this run no longer generates (scenario changed) but keeps them', () => {
    const sameAccount = generateBucketPolicy({ ...input, scenario: 'same-account' });
    const r = mergePolicies(mergePolicies(null, generated).policy, sameAccount);
    expect(r.stale).toEqual(['LogportExporterPutObject']);
    expect(r.policy.Statement.map((s) => s.Sid)).toContain('LogportExporterPutObject');
  });

  it('drops a duplicate copy of one of ours (S3 rejects duplicate Sids)', () => {
    const dup = { Statement: [generated.Statement[0]!, unrelated('X'), generated.Statement[0]!] };
    const r = mergePolicies(dup, generated);
    expect(r.policy.Statement.filter((s) => s.Sid === 'LogportCloudWatchLogsGetBucketAcl')).toHaveLength(1);
  });

  it('does not mutate its inputs', () => {
    const copy = structuredClone(existing);
    mergePolicies(existing, generated);
    expect(existing).toEqual(copy);
  });
});

describe('diff', () => {
  it('line diff with LCS', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'remove', text: 'b' },
      { kind: 'add', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'same', text: 'd' },
      { kind: 'add', text: 'e' },
    ]);
  });

  it('diffPolicies shows the merged statements as additions and reproduces both texts', () => {
    const before = existing;
    const after = mergePolicies(existing, generated).policy;
    const diff = diffPolicies(before, after);
    const side = (kind: 'add' | 'remove') =>
      diff
        .filter((l) => l.kind !== kind)
        .map((l) => l.text)
        .join('\n');
    expect(side('add')).toBe(formatPolicy(before));
    expect(side('remove')).toBe(formatPolicy(after));
    expect(diff.some((l) => l.kind === 'add' && l.text.includes('LogportExporterPutObject'))).toBe(true);
    expect(diff.some((l) => l.kind === 'remove' && l.text.includes('/old/*'))).toBe(true);
    expect(diffPolicies(null, generated).every((l) => l.kind === 'add')).toBe(true);
  });
});
