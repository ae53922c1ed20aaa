import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CheckFinding,
  checkExportAccess,
  generateBucketPolicy,
  POLICY_MESSAGE_KEY_LIST,
  type PolicyProblem,
  parsePolicy,
} from '@/lib/policy';
import { callerOf } from './check-caller';
import { DESCRIBE_KEYS, findingMessage, problemMessage, problemOffset } from './describe';
import { downloadName, mediaType } from './download';
import { generateOutputs } from './form-outputs';
import {
  type ArchiveMemberOption,
  initialState,
  memberEntries,
  splitAccounts,
  stateToParams,
  withRegion,
} from './form-state';
import { diffCounts, foldDiff, mergeView } from './merge-state';

const messages = (locale: string) =>
  JSON.parse(readFileSync(path.resolve('messages', locale, 'policy.json'), 'utf8')) as Record<
    string,
    unknown
  >;
const lookup = (tree: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

const defaults = { region: 'us-east-2', accountId: '123456789012' };
const base = initialState({ bucket: 'my-exported-logs' }, defaults);

describe('initialState and the URL', () => {
  it('takes the wizard prefill and falls back to the current Region and the STS account', () => {
    const s = initialState(
      {
        bucket: ' b-1 ',
        region: 'cn-north-1',
        account: '111122223333',
        prefix: 'p/',
        scenario: 'cross-account-role',
      },
      defaults,
    );
    expect(s).toMatchObject({
      bucket: 'b-1',
      region: 'cn-north-1',
      partition: 'aws-cn',
      accountId: '111122223333',
      prefix: 'p/',
      scenario: 'cross-account-role',
      confusedDeputy: true,
    });
    expect(initialState({ scenario: 'bogus' }, { region: 'us-west-2', accountId: null })).toMatchObject({
      region: 'us-west-2',
      partition: 'aws',
      accountId: '',
      scenario: 'same-account',
    });
  });

  it('writes back only the prefill parameters, and reads them again the same', () => {
    const s = { ...base, prefix: 'exports-x', scenario: 'cross-account-user' as const, exporterName: 'u' };
    const params = stateToParams(s);
    expect(params.toString()).toBe(
      'bucket=my-exported-logs&region=us-east-2&accountId=123456789012&prefix=exports-x&scenario=cross-account-user',
    );
    // The page's Logport account is `account=`, ahead of the rest, so a shared link opens on it.
    expect(stateToParams(s, 'prod').toString()).toMatch(/^account=prod&bucket=/);
    expect(initialState(Object.fromEntries(params), defaults)).toMatchObject({
      bucket: s.bucket,
      region: s.region,
      accountId: s.accountId,
      prefix: s.prefix,
      scenario: s.scenario,
    });
  });

  it("reads `accountId=`, and an old link's 12-digit `account=`, but never a Logport account name", () => {
    expect(initialState({ accountId: '111122223333', account: 'prod' }, defaults).accountId).toBe(
      '111122223333',
    );
    expect(initialState({ account: '444455556666' }, defaults).accountId).toBe('444455556666');
    expect(initialState({ account: 'prod' }, defaults).accountId).toBe('123456789012');
  });

  it('moves the partition with the Region until the user picks one', () => {
    expect(withRegion(base, 'us-gov-west-1').partition).toBe('aws-us-gov');
    expect(withRegion({ ...base, partition: 'aws', partitionTouched: true }, 'cn-north-1').partition).toBe(
      'aws',
    );
  });

  it('splits source accounts on commas, spaces and new lines', () => {
    expect(splitAccounts(' 111122223333, 444455556666\n777788889999;')).toEqual([
      '111122223333',
      '444455556666',
      '777788889999',
    ]);
  });
});

describe('generateOutputs', () => {
  it('gives the same policy the library generates, the command and no IAM policy for one account', () => {
    const r = generateOutputs({ ...base, prefix: 'exports/' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(r.outputs.policyText)).toEqual(
      generateBucketPolicy({
        scenario: 'same-account',
        bucket: 'my-exported-logs',
        region: 'us-east-2',
        accountId: '123456789012',
        prefix: 'exports',
      }),
    );
    expect(r.outputs.command).toBe(
      'aws s3api put-bucket-policy --bucket my-exported-logs --policy file://policy.json --region us-east-2',
    );
    expect(r.outputs.iamPolicyText).toBeNull();
    expect(JSON.parse(r.outputs.kmsText)).toHaveLength(1);
  });

  it('adds the IAM policy and the exporter KMS statement across accounts', () => {
    const r = generateOutputs({ ...base, scenario: 'cross-account-role', exporterName: 'Exporter' });
    if (!r.ok) throw new Error('expected ok');
    expect(r.outputs.policyText).toContain('arn:aws:iam::123456789012:role/Exporter');
    expect(r.outputs.iamPolicyText).toContain('logs:CreateExportTask');
    expect(JSON.parse(r.outputs.kmsText)).toHaveLength(2);
  });

  it('reports schema message keys per field, each with an English and a Japanese text', () => {
    const r = generateOutputs({
      ...base,
      bucket: 'Bad_Bucket',
      accountId: '12',
      sourceAccounts: '1 2',
      scenario: 'cross-account-user',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors).sort()).toEqual([
      'accountId',
      'bucket',
      'exporterName',
      'sourceAccounts',
    ]);
    for (const locale of ['en', 'ja']) {
      const tree = messages(locale);
      for (const key of POLICY_MESSAGE_KEY_LIST)
        expect(lookup(tree, key.replace(/^policy\./, '')), key).toBeTypeOf('string');
    }
  });
});

describe('mergeView', () => {
  const generated = generateBucketPolicy({
    scenario: 'same-account',
    bucket: 'b-1',
    region: 'us-east-2',
    accountId: '123456789012',
  });
  const theirs = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TheirRead',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::999988887777:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b-1/*',
      },
    ],
  };

  it('is the generated policy alone when nothing was pasted, every line an addition', () => {
    const v = mergeView('  ', generated);
    expect(v.kind).toBe('fresh');
    if (v.kind !== 'fresh') return;
    expect(diffCounts(v.diff).removed).toBe(0);
    expect(diffCounts(v.diff).added).toBe(v.text.split('\n').length);
  });

  it('keeps their statements, and merging the result again changes nothing', () => {
    const first = mergeView(JSON.stringify(theirs), generated);
    if (first.kind !== 'merged') throw new Error(first.kind);
    expect(first.changed).toBe(true);
    expect(first.policy.Statement.map((s) => s.Sid)).toEqual([
      'TheirRead',
      'LogportCloudWatchLogsGetBucketAcl',
      'LogportCloudWatchLogsPutObject',
    ]);
    const second = mergeView(first.text, generated);
    if (second.kind !== 'merged') throw new Error(second.kind);
    expect(second.changed).toBe(false);
    expect(second.text).toBe(first.text);
    expect(diffCounts(second.diff)).toEqual({ added: 0, removed: 0 });
  });

  it('points at invalid JSON by line and column', () => {
    const v = mergeView('{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}', generated);
    if (v.kind !== 'invalid') throw new Error(v.kind);
    const m = problemMessage(v.problem);
    expect(m).toEqual({ key: 'parse.invalid-json', values: { line: 3, column: 24, found: '}' } });
    expect(problemOffset(v.problem)).toBeGreaterThan(0);
  });
});

describe('problemMessage', () => {
  const at = (text: string) => {
    const r = parsePolicy(text);
    if (r.ok) throw new Error('expected a problem');
    return problemMessage(r.error);
  };
  it('names the statement and turns types into ICU select words', () => {
    expect(at('[]')).toEqual({ key: 'parse.not-an-object', values: { found: 'array' } });
    expect(
      at('{"Statement":[{"Sid":"A","Effect":"Maybe","Action":"s3:*","Resource":"*","Principal":"*"}]}'),
    ).toEqual({
      key: 'parse.bad-effect',
      values: { index: 0, sid: 'A', statement: 'A', value: '"Maybe"' },
    });
    expect(at('{"Statement":[{"Effect":"Allow","Action":1,"Resource":"*","Principal":"*"}]}')).toMatchObject({
      key: 'parse.wrong-type-in-statement',
      values: { field: 'Action', expected: 'stringOrStringArray', statement: '#1' },
    });
    expect(at('{"Statement":[], "Extra": 1}')).toMatchObject({
      key: 'parse.unknown-field',
      values: { field: 'Extra' },
    });
    expect(at('{"Statement": [')).toMatchObject({ key: 'parse.invalid-json-end' });
  });
  it('gives duplicate Sids both positions, 1-based', () => {
    const s = { Sid: 'X', Effect: 'Allow', Action: 's3:*', Resource: '*', Principal: '*' };
    expect(at(JSON.stringify({ Statement: [s, s] }))).toMatchObject({
      key: 'parse.duplicate-sid',
      values: { first: 1, sid: 'X' },
    });
  });
});

describe('findingMessage', () => {
  it('joins list params and names the statement for a policy made for another Region', () => {
    const west = generateBucketPolicy({
      scenario: 'same-account',
      bucket: 'b-1',
      region: 'us-west-2',
      accountId: '123456789012',
    });
    const result = checkExportAccess(west, { bucket: 'b-1', region: 'us-east-2', accountId: '123456789012' });
    expect(result.allowed).toBe(false);
    const wrong = result.findings.find((f) => f.code === 'wrong-region-principal');
    if (!wrong) throw new Error('no wrong-region-principal finding');
    expect(findingMessage(wrong)).toMatchObject({
      key: 'check.wrong-region-principal',
      values: {
        statement: 'LogportCloudWatchLogsGetBucketAcl',
        regions: 'us-west-2',
        expectedRegion: 'us-east-2',
      },
    });
  });
  it('uses the -absent text when the request lacks the key', () => {
    const f = {
      code: 'condition-not-met',
      severity: 'error',
      params: {
        index: 0,
        statement: '#1',
        action: 's3:PutObject',
        operator: 'StringEquals',
        key: 'aws:x',
        expected: ['a', 'b'],
        actual: null,
      },
    } satisfies CheckFinding;
    expect(findingMessage(f)).toEqual({
      key: 'check.condition-not-met-absent',
      values: {
        index: 0,
        statement: '#1',
        action: 's3:PutObject',
        operator: 'StringEquals',
        key: 'aws:x',
        expected: 'a, b',
        actual: '',
      },
    });
  });
});

describe('message texts', () => {
  it('exist in English and Japanese for every problem and finding key', () => {
    for (const locale of ['en', 'ja']) {
      const tree = messages(locale);
      for (const key of [...DESCRIBE_KEYS.problems, ...DESCRIBE_KEYS.findings])
        expect(lookup(tree, key), `${locale}: ${key}`).toBeTypeOf('string');
    }
  });
  it('cover every problem code parsePolicy can return', () => {
    const codes: PolicyProblem['code'][] = [
      'invalid-json',
      'not-an-object',
      'missing-statement',
      'statement-invalid-type',
      'empty-statement',
      'unknown-version',
      'unknown-field',
      'wrong-type',
      'statement-not-object',
      'missing-effect',
      'bad-effect',
      'missing-action',
      'missing-resource',
      'missing-principal',
      'conflicting-fields',
      'duplicate-sid',
    ];
    for (const code of codes) expect(DESCRIBE_KEYS.problems).toContain(`parse.${code}`);
  });
});

describe('downloadName', () => {
  it('saves the bucket policy as the file the command reads, the others by bucket', () => {
    expect(downloadName('bucket-policy', 'my-exported-logs')).toBe('policy.json');
    expect(downloadName('command', 'my.bucket')).toBe('put-bucket-policy-my.bucket.sh');
    expect(downloadName('iam-policy', 'b')).toBe('exporter-iam-policy-b.json');
    expect(downloadName('kms-statements', '')).toBe('kms-key-policy-statements-bucket.json');
    expect(mediaType('command')).toBe('text/x-shellscript');
    expect(mediaType('bucket-policy')).toBe('application/json');
  });
});

describe('foldDiff', () => {
  const same = (n: number, tag = 's') =>
    Array.from({ length: n }, (_, i) => ({ kind: 'same' as const, text: `${tag}${i}` }));
  const add = (text: string) => ({ kind: 'add' as const, text });
  it('folds a long unchanged head and keeps three lines of context before the change', () => {
    const chunks = foldDiff([...same(20), add('new'), ...same(2, 't')]);
    expect(chunks.map((c) => [c.kind, c.lines.length])).toEqual([
      ['fold', 17],
      ['lines', 6],
    ]);
    expect(chunks.flatMap((c) => c.lines)).toHaveLength(23);
  });
  it('keeps short unchanged runs, and everything when nothing is long', () => {
    expect(foldDiff([add('a'), ...same(5), add('b')]).map((c) => c.kind)).toEqual(['lines']);
    expect(foldDiff([add('a'), ...same(12), add('b')]).map((c) => [c.kind, c.lines.length])).toEqual([
      ['lines', 4],
      ['fold', 6],
      ['lines', 4],
    ]);
  });
});

describe('the central archive in the form', () => {
  const options: ArchiveMemberOption[] = [
    { name: 'default', id: '123456789012', exporter: 'arn:aws:iam::123456789012:user/sandbox' },
    { name: 'prod', id: '111111111111', exporter: 'arn:aws:iam::111111111111:role/LogportExporter' },
    { name: 'staging', id: '222222222222', exporter: 'arn:aws:iam::222222222222:role/ops/LogportExporter' },
    { name: 'lost', id: null, exporter: null },
  ];
  const archive = { ...defaults, archive: { options, owner: 'default' } };
  const fresh = initialState({ bucket: 'central-archive-use2', scenario: 'central-archive' }, archive);

  it("starts with every Logport account but the bucket's owner (the page's account) as members", () => {
    expect(fresh.members).toEqual([
      'arn:aws:iam::111111111111:role/LogportExporter',
      'arn:aws:iam::222222222222:role/ops/LogportExporter',
    ]);
    expect(fresh).toMatchObject({ otherMembers: '', exporterRole: 'LogportExporter', orgId: '' });
    const fromProd = initialState(
      { scenario: 'central-archive' },
      { ...archive, archive: { options, owner: 'prod' } },
    );
    expect(fromProd.members).toEqual([
      'arn:aws:iam::123456789012:user/sandbox',
      'arn:aws:iam::222222222222:role/ops/LogportExporter',
    ]);
  });

  it('generates the policy for the chosen and the added members', () => {
    const r = generateOutputs({
      ...fresh,
      otherMembers: '333333333333\n',
      prefix: 'org',
      orgId: 'o-a1b2c3d4e5',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    const [acl, , exporters] = r.outputs.policy.Statement;
    expect(acl?.Condition?.StringEquals).toEqual({
      'aws:SourceAccount': ['111111111111', '222222222222', '333333333333'],
      'aws:SourceOrgID': 'o-a1b2c3d4e5',
    });
    expect(exporters?.Principal).toEqual({
      AWS: [
        'arn:aws:iam::111111111111:role/LogportExporter',
        'arn:aws:iam::222222222222:role/ops/LogportExporter',
        'arn:aws:iam::333333333333:role/LogportExporter',
      ],
    });
    expect(r.outputs.command).toBe(
      'aws s3api put-bucket-policy --bucket central-archive-use2 --policy file://policy.json --region us-east-2',
    );
    expect(r.outputs.iamPolicyText).toContain('arn:aws:s3:::central-archive-use2/org/*');
    expect(JSON.parse(r.outputs.kmsText)).toHaveLength(2);
  });

  it('says what is wrong with the members, the organization and the role, in both languages', () => {
    const r = generateOutputs({
      ...fresh,
      members: [],
      otherMembers: '12345',
      orgId: 'org',
      exporterRole: 'a b',
    });
    if (r.ok) throw new Error('expected field errors');
    expect(r.fieldErrors).toEqual({
      members: ['policy.errors.memberInvalid'],
      orgId: ['policy.errors.orgIdInvalid'],
      exporterRole: ['policy.errors.exporterRoleInvalid'],
    });
    const none = generateOutputs({ ...fresh, members: [] });
    expect(none.ok ? null : none.fieldErrors.members).toEqual(['policy.errors.membersRequired']);
  });

  it('keeps the members in the URL and reads them back (Logport accounts checked, the rest as text)', () => {
    const s = { ...fresh, otherMembers: '333333333333', exporterRole: 'Shipper', orgId: 'o-a1b2c3d4e5' };
    const params = stateToParams(s, 'default');
    expect(params.getAll('member')).toEqual([...fresh.members, '333333333333']);
    expect(params.get('role')).toBe('Shipper');
    expect(params.get('org')).toBe('o-a1b2c3d4e5');
    expect(params.has('accountId')).toBe(false);
    const back = initialState(
      { scenario: 'central-archive', member: params.getAll('member'), role: 'Shipper', org: 'o-a1b2c3d4e5' },
      archive,
    );
    expect(back).toMatchObject({
      members: fresh.members,
      otherMembers: '333333333333',
      exporterRole: 'Shipper',
    });
    expect(memberEntries(back)).toEqual(memberEntries(s));
  });

  it('checks the first member and its role as the caller; the cross-account scenarios their exporter', () => {
    expect(callerOf(fresh)).toEqual({
      accountId: '111111111111',
      caller: 'arn:aws:iam::111111111111:role/LogportExporter',
    });
    expect(callerOf({ ...fresh, members: [], otherMembers: '444444444444' })).toEqual({
      accountId: '444444444444',
      caller: 'arn:aws:iam::444444444444:role/LogportExporter',
    });
    expect(callerOf({ ...base, scenario: 'cross-account-user', exporterName: 'u' }).caller).toBe(
      'arn:aws:iam::123456789012:user/u',
    );
    expect(callerOf(base)).toEqual({ accountId: '123456789012', caller: '' });
  });
});
