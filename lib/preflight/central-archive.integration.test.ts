import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateExportTaskCommand, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, describe, expect, it } from 'vitest';
import { startWithClients, waitForTask } from '@/emulator/test-clients';
import { makeTempDataDir } from '@/lib/queue/test-support';

// Issue 16's "Cross-account export", against the emulator with the real SDK clients of lib/aws: staging
// (a member account, reached by AssumeRole) exports into the default account's central archive bucket. Refused,
// in plain words, before the generated policy is applied (by Logport's preflight, by AWS itself, by the rule
// form); accepted after, and the export lands in the archive bucket.
const env = await startWithClients({ seed: true, pendingMs: 100, runningMs: 200, cancelMs: 50 });
const dir = mkdtempSync(path.join(tmpdir(), 'logport-archive-'));
const accountsFile = path.join(dir, 'accounts.yaml');
writeFileSync(
  accountsFile,
  [
    'accounts:',
    '  - name: prod',
    '    roleArn: arn:aws:iam::111111111111:role/LogportExporter',
    '    regions: [us-east-2, us-west-2]',
    '  - name: staging',
    '    roleArn: arn:aws:iam::222222222222:role/LogportExporter',
    '    regions: [us-east-2]',
  ].join('\n'),
);
Object.assign(process.env, {
  AWS_ENDPOINT_URL: env.emulator.url,
  AWS_REGION: 'us-east-2',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  LOGPORT_REGIONS: 'us-east-2,us-west-2',
  LOGPORT_ACCOUNTS: accountsFile,
});
makeTempDataDir();
const { runPreflight } = await import('./run');
const { saveRule } = await import('@/lib/rules/service');
const { createExport } = await import('@/lib/export-tasks/create');
const { logsClient, s3Client } = await import('@/lib/aws/clients');
const { getBucketPolicyText } = await import('@/lib/s3/buckets');
const { putBucketPolicyText } = await import('@/lib/s3/bucket-policy-write');
const { archiveMemberOptions } = await import('@/app/(console)/bucket-policy/archive-members');
const { defaultMembers } = await import('@/components/policy-generator/form-state');
const { formatPolicy, generateCentralArchivePolicy, mergePolicies, parsePolicy } = await import(
  '@/lib/policy'
);

afterAll(async () => {
  await env.emulator.close();
});

const BUCKET = 'central-archive-use2';
const REGION = 'us-east-2';
const GROUP = '/aws/lambda/orders-api';
const STAGING = { account: 'staging', region: REGION };
const HOME = { account: 'default', region: REGION };
const STAGING_ROLE = 'arn:aws:iam::222222222222:role/LogportExporter';
const ADMIN = { name: 'ada', role: 'admin' as const };
const yesterday = { from: Date.now() - 2 * 86_400_000, to: Date.now() - 86_400_000 };
const preflightOf = (account: string, prefix: string) =>
  runPreflight({ account, region: REGION, bucket: BUCKET, prefix, logGroupNames: [GROUP], mode: 'launch' });
type Preflight = Awaited<ReturnType<typeof runPreflight>>;
const policyCheck = (r: Preflight) => r.checks.find((c) => c.id === 'policy');

// The words a user reads, formatted from the shipped messages by the ICU library next-intl uses.
function words(locale: 'en' | 'ja', key: string, params: Record<string, string | number>): string {
  const messages = JSON.parse(readFileSync(path.resolve('messages', locale, 'wizard.json'), 'utf8'));
  const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], messages);
  if (typeof text !== 'string') throw new Error(`no ${locale} message ${key}`);
  return String(new IntlMessageFormat(text, locale).format(params));
}

/** The preflight's policy verdict and every finding, as sentences. */
function explanation(locale: 'en' | 'ja', check: NonNullable<ReturnType<typeof policyCheck>>): string[] {
  return [
    words(locale, `preflight.codes.${check.code}`, check.params),
    ...(check.findings ?? []).map((f) => words(locale, `preflight.findings.${f.code}`, f.params)),
  ];
}

function expectStagingRefused(r: Preflight) {
  expect(r.ok).toBe(false);
  const check = policyCheck(r);
  expect(check).toMatchObject({
    verdict: 'fail',
    code: 'policyDeniesMember',
    params: { bucket: BUCKET, accountId: '222222222222', owner: 'default', caller: STAGING_ROLE },
  });
  if (!check) return;
  const codes = (check.findings ?? []).map((f) => f.code);
  // CloudWatch Logs is not let in for staging (its SourceAccount and SourceArn are not listed), nor is the caller.
  expect(codes).toEqual(
    expect.arrayContaining([
      'missing-get-bucket-acl',
      'missing-put-object',
      'source-account-mismatch',
      'source-arn-mismatch',
      'caller-put-object-missing',
    ]),
  );
  const account = check.findings?.find((f) => f.code === 'source-account-mismatch');
  expect(account?.params).toMatchObject({ expected: '111111111111', actual: '222222222222' });
  const arn = check.findings?.find((f) => f.code === 'source-arn-mismatch');
  expect(String(arn?.params.actual)).toBe(`arn:aws:logs:${REGION}:222222222222:log-group:${GROUP}`);
  expect(check.findings?.find((f) => f.code === 'caller-put-object-missing')?.params).toMatchObject({
    caller: STAGING_ROLE,
    bucket: BUCKET,
  });
  // The fix opens the generator on the bucket owner's account, in the central archive scenario, for the whole
  // bucket (not this member's prefix: the statements serve every member).
  expect(check.fix?.href).toBe(
    `/bucket-policy?bucket=${BUCKET}&region=${REGION}&account=default&accountId=222222222222&prefix=&scenario=central-archive`,
  );
  for (const locale of ['en', 'ja'] as const) {
    const sentences = explanation(locale, check);
    expect(sentences.join('\n')).not.toMatch(/[{}]|undefined/);
    expect(sentences[0]).toContain('222222222222');
    expect(sentences.some((s) => s.includes(STAGING_ROLE))).toBe(true);
  }
  expect(explanation('en', check)[0]).toBe(
    `${BUCKET} belongs to Logport's account default, and its policy does not let this account (222222222222) export into it under org/staging/. An administrator adds 222222222222 to the bucket's member accounts on the Bucket policy page (central archive) and applies it with default.`,
  );
}

describe('a member account exporting into the central archive bucket', () => {
  it('prod, already a member, passes the preflight (its service statements and its role are in the policy)', async () => {
    const r = await preflightOf('prod', 'org/prod');
    expect(policyCheck(r)).toMatchObject({ verdict: 'pass', code: 'policyAllows' });
    expect(r.ok).toBe(true);
  });

  it('staging is refused by the preflight, in plain words, with the way to fix it', async () => {
    expectStagingRefused(await preflightOf('staging', 'org/staging'));
  });

  it('and AWS (the emulator) refuses staging’s real CreateExportTask', async () => {
    await expect(
      logsClient(STAGING).send(
        new CreateExportTaskCommand({
          logGroupName: GROUP,
          ...yesterday,
          destination: BUCKET,
          destinationPrefix: 'org/staging',
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    // Through Logport's launch path the refusal has a plain code, not AWS's text.
    const launch = await createExport({
      account: 'staging',
      region: REGION,
      logGroupName: GROUP,
      ...yesterday,
      destination: BUCKET,
      destinationPrefix: 'org/staging',
    });
    expect(launch.ok).toBe(false);
    if (!launch.ok) expect(launch.error.code).toBe('bucketPolicyDenied');
  });

  it('a rule over prod and staging into the bucket is refused with the same explanation (staging’s)', async () => {
    const r = await saveRule(ADMIN, {
      name: 'org-archive',
      accounts: ['prod', 'staging'],
      regions: [REGION],
      logGroups: { names: [GROUP] },
      exclude: [],
      bucket: BUCKET,
      prefixTemplate: 'org/{account}/{logGroup}',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('preflightFailed');
    expect(r.params).toMatchObject({ account: 'staging', region: REGION });
    const check = r.preflight ? policyCheck(r.preflight) : undefined;
    expect(check).toMatchObject({ verdict: 'fail', code: 'policyDeniesMember' });
    expect((check?.findings ?? []).map((f) => f.code)).toContain('caller-put-object-missing');
  });

  it('with CloudWatch Logs let in for staging but not its role, both Logport and AWS still refuse: the caller', async () => {
    const seeded = parsePolicy((await getBucketPolicyText(HOME, BUCKET)) ?? '');
    if (!seeded.ok) throw new Error('the seeded policy does not parse');
    const generated = generateCentralArchivePolicy({
      bucket: BUCKET,
      region: REGION,
      members: ['111111111111', '222222222222'],
      prefix: 'org',
    });
    const serviceOnly = { ...generated, Statement: generated.Statement.slice(0, 2) };
    await putBucketPolicyText(HOME, BUCKET, formatPolicy(mergePolicies(seeded.policy, serviceOnly).policy));

    const check = policyCheck(await preflightOf('staging', 'org/staging'));
    expect(check).toMatchObject({ verdict: 'fail', code: 'policyDeniesMember' });
    expect((check?.findings ?? []).map((f) => f.code)).toEqual(['caller-put-object-missing']);
    const launch = await createExport({
      account: 'staging',
      region: REGION,
      logGroupName: GROUP,
      ...yesterday,
      destination: BUCKET,
      destinationPrefix: 'org/staging',
    });
    expect(launch.ok ? null : launch.error.code).toBe('putObjectDenied');
  });

  it('the generated policy (members prod and staging), merged and applied by the owner, lets staging export', async () => {
    // The members the generator page offers: Logport's accounts but the bucket's owner (default).
    const options = await archiveMemberOptions(undefined);
    const members = defaultMembers(options, 'default');
    expect(members).toEqual(['arn:aws:iam::111111111111:role/LogportExporter', STAGING_ROLE]);
    const current = await getBucketPolicyText(HOME, BUCKET);
    const parsed = parsePolicy(current ?? '');
    if (!parsed.ok) throw new Error('the bucket policy does not parse');
    const generated = generateCentralArchivePolicy({
      bucket: BUCKET,
      region: REGION,
      members,
      prefix: 'org',
    });
    const merged = mergePolicies(parsed.policy, generated);
    // The seed's own statements stay (AWSLogs*, MemberExportersPutObject); Logport's are merged by Sid.
    expect(merged.kept).toBe(3);
    expect(merged.policy.Statement.map((s) => s.Sid)).toEqual([
      'AWSLogsGetBucketAcl',
      'AWSLogsPutObject',
      'MemberExportersPutObject',
      'LogportCloudWatchLogsGetBucketAcl',
      'LogportCloudWatchLogsPutObject',
      'LogportExporterPutObject',
    ]);
    expect(merged.added).toEqual(['LogportExporterPutObject']);
    await putBucketPolicyText(HOME, BUCKET, formatPolicy(merged.policy));

    const r = await preflightOf('staging', 'org/staging');
    expect(policyCheck(r)).toMatchObject({ verdict: 'pass', code: 'policyAllows' });
    expect(r.ok).toBe(true);
    expect(policyCheck(await preflightOf('prod', 'org/prod'))?.verdict).toBe('pass');

    const launch = await createExport({
      account: 'staging',
      region: REGION,
      logGroupName: GROUP,
      ...yesterday,
      destination: BUCKET,
      destinationPrefix: 'org/staging',
      taskName: 'staging-into-archive',
    });
    if (!launch.ok) throw new Error(`export refused: ${launch.error.code}`);
    const task = await waitForTask(logsClient(STAGING), launch.taskId);
    expect(task.status?.code).toBe('COMPLETED');
    // The task is staging's; the objects are in the archive bucket, under the prefix.
    const home = await logsClient(HOME).send(new DescribeExportTasksCommand({ taskId: launch.taskId }));
    expect(home.exportTasks ?? []).toHaveLength(0);
    const listed = await s3Client(HOME).send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'org/staging/' }),
    );
    const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
    expect(keys).toContain('org/staging/aws-logs-write-test');
    expect(keys.some((k) => k.startsWith(`org/staging/${launch.taskId}/`) && k.endsWith('/000000.gz'))).toBe(
      true,
    );
  });

  it('merging the same policy again changes nothing (idempotent)', async () => {
    const text = await getBucketPolicyText(HOME, BUCKET);
    const parsed = parsePolicy(text ?? '');
    if (!parsed.ok) throw new Error('not a policy');
    const members = defaultMembers(await archiveMemberOptions(undefined), 'default');
    const again = mergePolicies(
      parsed.policy,
      generateCentralArchivePolicy({ bucket: BUCKET, region: REGION, members, prefix: 'org' }),
    );
    expect(again).toMatchObject({ added: [], replaced: [] });
    expect(formatPolicy(again.policy)).toBe(formatPolicy(parsed.policy));
  });

  it('and the rule over prod and staging is now accepted', async () => {
    const r = await saveRule(ADMIN, {
      name: 'org-archive',
      accounts: ['prod', 'staging'],
      regions: [REGION],
      logGroups: { names: [GROUP] },
      exclude: [],
      bucket: BUCKET,
      prefixTemplate: 'org/{account}/{logGroup}',
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 0,
    });
    expect(r.ok ? null : r).toBeNull();
  });
});
