import path from 'node:path';
import {
  CloudWatchLogsClient,
  CreateExportTaskCommand,
  DescribeExportTasksCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectsCommand,
  GetBucketPolicyCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import {
  checkExportAccess,
  formatPolicy,
  generateCentralArchivePolicy,
  mergePolicies,
  type PolicyDocument,
  parsePolicy,
} from '../lib/policy';
import { PolicyGeneratorPage } from './pages/policy-generator';
import { E2E, type TestRole } from './support/env';
import { actionResult, callServerAction } from './support/server-actions';

// Issue 6's acceptance test: generate, copy, apply, export; the wrong Region; merging; roles.
// The real AWS SDK talks to the same emulator as the app, as a user's terminal would talk to AWS.

const aws = {
  endpoint: E2E.emulatorUrl,
  region: E2E.region,
  credentials: { accessKeyId: 'AKIAE2ETESTKEY000000', secretAccessKey: 'e2e-secret' },
  maxAttempts: 1,
};
const s3 = new S3Client({ ...aws, forcePathStyle: true });
const logs = new CloudWatchLogsClient(aws);
const LOG_GROUP = 'my-log-group';
const NO_POLICY_BUCKET = 'my-exported-logs';

const unique = (base: string) => `${base}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function bucketPolicy(bucket: string): Promise<string | null> {
  try {
    return (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? null;
  } catch (err) {
    if ((err as Error).name === 'NoSuchBucketPolicy') return null;
    throw err;
  }
}

function parsed(text: string | null): PolicyDocument {
  const r = parsePolicy(text ?? '');
  if (!r.ok) throw new Error(`not a policy: ${r.error.code}`);
  return r.policy;
}

async function createBucket(bucket: string) {
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      CreateBucketConfiguration: { LocationConstraint: E2E.region as BucketLocationConstraint },
    }),
  );
}

/** CreateExportTask with the SDK, waiting out another spec's active export (AWS allows one per account). */
async function createExport(
  destination: string,
  destinationPrefix: string,
  client = logs,
  logGroupName = LOG_GROUP,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const out = await client.send(
        new CreateExportTaskCommand({
          logGroupName,
          from: 0,
          to: Date.now(),
          destination,
          destinationPrefix,
        }),
      );
      return out.taskId ?? '';
    } catch (err) {
      if ((err as Error).name !== 'LimitExceededException' || attempt > 30) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** The activity log rows for applies to `bucket`, read from the app's SQLite file (who, role, outcome, error). */
function applyLog(bucket: string) {
  const db = new Database(path.join(E2E.dataDir, 'logport.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        "SELECT actor, role, outcome, json_extract(detail, '$.error') AS error FROM activity WHERE action = 'policy.apply' AND target = ? ORDER BY id",
      )
      .all(bucket) as Array<{ actor: string; role: string; outcome: string; error: string | null }>;
  } finally {
    db.close();
  }
}

const ACTIONS = 'app/(console)/bucket-policy/actions.ts';
const callAction = (request: APIRequestContext, name: string, args: unknown[]) =>
  callServerAction(request, { file: ACTIONS, name }, args);

type Preflight = {
  ok: boolean;
  checks: Array<{ id: string; verdict: string; findings?: Array<{ code: string }>; fix?: { href: string } }>;
};

/** The wizard's preflight (POST /api/preflight), the check it runs before a launch. */
async function preflight(request: APIRequestContext, bucket: string, prefix: string) {
  const res = await request.post('/api/preflight', {
    data: { region: E2E.region, bucket, prefix, logGroupNames: [LOG_GROUP] },
    headers: { Origin: E2E.appUrl }, // route writes are same-origin only (issue 14.7)
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Preflight;
  const policy = body.checks.find((c) => c.id === 'policy');
  if (!policy) throw new Error('preflight has no policy check');
  return { body, policy };
}

/**
 * The logs client of a member account (the emulator's seeded staging, 222222222222), as Logport reaches it: by
 * assuming its LogportExporter role, which trusts the default account. Its requests act as that role's session.
 */
async function memberLogs(roleArn: string): Promise<CloudWatchLogsClient> {
  const sts = new STSClient(aws);
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'e2e-member' }));
  const c = out.Credentials;
  return new CloudWatchLogsClient({
    ...aws,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      sessionToken: c?.SessionToken ?? '',
    },
  });
}

test.describe('admin', () => {
  test.use({ storageState: E2E.storageState('admin'), permissions: ['clipboard-read', 'clipboard-write'] });

  test('generates for the bucket without a policy, copies it, applies it, and an export completes', async ({
    page,
  }) => {
    const prefix = unique('e2e-exports');
    const ui = new PolicyGeneratorPage(page);
    try {
      // The wizard's preflight fails on this bucket and links here, prefilled.
      const before = await preflight(page.request, NO_POLICY_BUCKET, prefix);
      expect(before.policy.verdict).toBe('fail');
      expect(before.policy.fix?.href).toContain('/bucket-policy?');
      await page.goto(before.policy.fix?.href ?? '');
      await expect(ui.form.getByLabel('Destination bucket')).toHaveValue(NO_POLICY_BUCKET);
      await expect(ui.form.getByLabel('Destination prefix')).toHaveValue(prefix);
      await expect(ui.form.getByLabel('Exporting account ID')).toHaveValue(E2E.accountId);
      const shown = await ui.shownPolicy();
      await ui.copyPolicy();
      const copied = await ui.clipboard();
      expect(copied).toBe(shown);
      const doc = JSON.parse(copied) as PolicyDocument;
      expect(doc.Statement.map((s) => s.Sid)).toEqual([
        'LogportCloudWatchLogsGetBucketAcl',
        'LogportCloudWatchLogsPutObject',
      ]);
      expect(JSON.stringify(doc)).toContain(`arn:aws:s3:::${NO_POLICY_BUCKET}/${prefix}/*`);
      await expect(ui.verdict).toHaveAttribute('data-verdict', 'allowed');
      await expect(ui.verdict).toContainText(
        `Allowed: CloudWatch Logs in us-east-2 may export to ${NO_POLICY_BUCKET} under ${prefix}/.`,
      );

      await ui.load();
      await expect(page.getByText(`${NO_POLICY_BUCKET} has no bucket policy yet`)).toBeVisible();
      await ui.apply();
      const held = await bucketPolicy(NO_POLICY_BUCKET);
      expect(formatPolicy(parsed(held))).toBe(shown);
      await expect(page.getByText('Nothing to apply')).toBeVisible();
      expect(applyLog(NO_POLICY_BUCKET)).toEqual([
        { actor: 'admin', role: 'admin', outcome: 'ok', error: null },
      ]);

      // The wizard's preflight now passes its bucket checks (and runs this same lib/policy check).
      const after = await preflight(page.request, NO_POLICY_BUCKET, prefix);
      expect(after.policy.verdict).toBe('pass');
      for (const id of ['bucket', 'region', 'policy'])
        expect(after.body.checks.find((c) => c.id === id)?.verdict, id).toBe('pass');
      const check = checkExportAccess(parsed(held), {
        bucket: NO_POLICY_BUCKET,
        region: E2E.region,
        prefix,
        accountId: E2E.accountId,
        logGroupName: LOG_GROUP,
      });
      expect(check.findings).toEqual([]);
      expect(check.allowed).toBe(true);

      const taskId = await createExport(NO_POLICY_BUCKET, prefix);
      await expect
        .poll(
          async () =>
            (await logs.send(new DescribeExportTasksCommand({ taskId }))).exportTasks?.[0]?.status?.code,
          { timeout: 20_000 },
        )
        .toBe('COMPLETED');
    } finally {
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: NO_POLICY_BUCKET }));
    }
  });

  test('a policy for the wrong Region: the check says why, and the export is refused as AWS refuses it', async ({
    page,
  }) => {
    const bucket = unique('policy-e2e-wrong');
    await createBucket(bucket);
    const ui = new PolicyGeneratorPage(page);
    try {
      await ui.goto({ bucket, region: E2E.otherRegion, accountId: E2E.accountId, prefix: 'exports' });
      await expect(ui.bucketPolicyText).toContainText('logs.us-west-2.amazonaws.com');
      // Loading finds the bucket in us-east-2: the page warns and checks against that Region.
      await ui.load();
      await expect(
        page.getByRole('alert').filter({ hasText: 'The bucket is in another Region' }),
      ).toBeVisible();
      await expect(ui.check.getByLabel('Region of the log groups')).toHaveValue(E2E.region);
      await expect(ui.verdict).toHaveAttribute('data-verdict', 'denied');
      expect(await ui.findingCodes()).toContain('wrong-region-principal');
      await expect(ui.verdict).toContainText('not in us-east-2');

      await ui.apply();
      const wizard = await preflight(page.request, bucket, 'exports');
      expect(wizard.policy.verdict).toBe('fail');
      expect(wizard.policy.findings?.map((f) => f.code)).toContain('wrong-region-principal');
      const err = await createExport(bucket, 'exports').then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.name).toBe('InvalidParameterException');
      expect(err?.message).toContain(
        'Please check if CloudWatch Logs has been granted permission to perform this operation.',
      );

      // The warning's fix regenerates for the bucket's Region, and the check then allows the export.
      await page.getByRole('button', { name: 'Generate for us-east-2' }).click();
      await expect(ui.form.getByLabel('Region of the log groups')).toHaveValue(E2E.region);
      await expect(ui.bucketPolicyText).toContainText('logs.us-east-2.amazonaws.com');
      await expect(ui.verdict).toHaveAttribute('data-verdict', 'allowed');
    } finally {
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
      await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });

  test('merging into a bucket with other statements keeps them all, and merging twice changes nothing', async ({
    page,
  }) => {
    const bucket = unique('policy-e2e-shared');
    await createBucket(bucket);
    const theirs: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PartnerRead',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::999988887777:root' },
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        },
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(theirs) }));
    const ui = new PolicyGeneratorPage(page);
    try {
      await ui.goto({ bucket, region: E2E.region, accountId: E2E.accountId, prefix: 'exports' });
      // Choosing the bucket reads what it holds: the merge and its diff start from it, with no click.
      await expect(page.getByText(/^Loaded the current policy of/)).toBeVisible();
      await expect(ui.mergeSummary).toHaveText('Keeps 2 existing statements, adds 2, updates 0.');
      await expect(page.getByTestId('merge-diff').locator('del')).toHaveCount(0);
      // The confirmation is about this bucket's policy, not "none yet", and the first Apply goes through.
      await ui.applyButton.click();
      await expect(ui.dialog).toContainText(
        `The policy of ${bucket} (Region ${E2E.region}) changes as shown`,
      );
      await expect(ui.dialog.getByTestId('apply-diff').locator('del')).toHaveCount(0);
      await ui.dialog.getByRole('button', { name: 'Apply policy' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Applied.' })).toBeVisible();
      const first = await bucketPolicy(bucket);
      const held = parsed(first);
      expect(held.Statement.slice(0, 2)).toEqual(theirs.Statement);
      expect(held.Statement.map((s) => s.Sid)).toEqual([
        'PartnerRead',
        'DenyInsecureTransport',
        'LogportCloudWatchLogsGetBucketAcl',
        'LogportCloudWatchLogsPutObject',
      ]);
      expect(applyLog(bucket)).toEqual([{ actor: 'admin', role: 'admin', outcome: 'ok', error: null }]);

      // A second visit: the merge is a no-op and there is nothing to apply.
      await ui.goto({ bucket, region: E2E.region, accountId: E2E.accountId, prefix: 'exports' });
      await expect(ui.mergeSummary).toContainText('merging changes nothing');
      await expect(ui.applyButton).toBeDisabled();
      expect(await ui.shownPolicy()).toBe(formatPolicy(held));
      expect(await bucketPolicy(bucket)).toBe(first);
    } finally {
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
      await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });

  test('a policy changed after it was read: Apply refuses, and loading again merges into the new one', async ({
    page,
  }) => {
    const bucket = unique('policy-e2e-moving');
    await createBucket(bucket);
    const partner: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PartnerRead',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::999988887777:root' },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
        },
      ],
    };
    const ui = new PolicyGeneratorPage(page);
    try {
      await ui.goto({ bucket, region: E2E.region, accountId: E2E.accountId, prefix: 'exports' });
      await expect(page.getByText(`${bucket} has no bucket policy yet`)).toBeVisible();
      // Someone else puts a policy meanwhile: applying ours as "the first" would drop theirs.
      await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(partner) }));
      await ui.applyButton.click();
      await ui.dialog.getByRole('button', { name: 'Apply policy' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'is not the one this merge started from' });
      await expect(refusal).toBeVisible();
      expect(parsed(await bucketPolicy(bucket))).toEqual(partner);
      expect(applyLog(bucket)).toEqual([
        { actor: 'admin', role: 'admin', outcome: 'error', error: 'bucketPolicyChanged' },
      ]);
      await refusal.getByRole('button', { name: 'Load from bucket' }).click();
      await expect(ui.mergeSummary).toHaveText('Keeps 1 existing statement, adds 2, updates 0.');
      await ui.apply();
      expect(parsed(await bucketPolicy(bucket)).Statement.map((s) => s.Sid)).toEqual([
        'PartnerRead',
        'LogportCloudWatchLogsGetBucketAcl',
        'LogportCloudWatchLogsPutObject',
      ]);
    } finally {
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
      await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });

  test('central archive: members chosen and typed in, the statements, copy, apply; a member account then exports into it', async ({
    page,
  }) => {
    const bucket = unique('policy-e2e-archive');
    await createBucket(bucket);
    const theirs: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(theirs) }));
    const staging = 'arn:aws:iam::222222222222:role/LogportExporter';
    const ui = new PolicyGeneratorPage(page);
    try {
      await ui.goto({ bucket, region: E2E.region, scenario: 'central-archive', prefix: 'org' });
      await expect(ui.form.getByRole('radio', { name: /^Central archive/ })).toBeChecked();
      await expect(page.getByText(/^Loaded the current policy of/)).toBeVisible();
      // Logport's accounts are offered with their ids and roles, all but the page's own (the bucket's owner).
      const offered = ui.form.getByRole('group', { name: 'Member accounts' }).getByRole('checkbox');
      for (const box of await offered.all()) {
        const own = ((await box.getAttribute('value')) ?? '').includes(`::${E2E.accountId}:`);
        if (await box.isEnabled()) await expect(box).toBeChecked({ checked: !own });
        if (await box.isChecked()) await box.uncheck();
      }
      const members = ui.form.getByRole('textbox', { name: /^(Other member accounts|Member accounts)/ });
      await members.fill('12345');
      await members.blur();
      await expect(
        ui.form.getByText('Each member is a 12-digit account ID or an IAM role ARN'),
      ).toBeVisible();
      await expect(page.getByTestId('bucket-policy-output')).toHaveCount(0);
      await members.fill(`111111111111\n${staging}`);
      await ui.form.getByRole('textbox', { name: /^Organization ID/ }).fill('o-a1b2c3d4e5');
      await expect(ui.bucketPolicyText).toContainText('"aws:SourceOrgID": "o-a1b2c3d4e5"');
      await ui.form.getByRole('textbox', { name: /^Organization ID/ }).fill('');

      const generated = generateCentralArchivePolicy({
        bucket,
        region: E2E.region,
        members: ['111111111111', staging],
        prefix: 'org',
      });
      const expected = formatPolicy(mergePolicies(theirs, generated).policy);
      await expect(ui.bucketPolicyText).toHaveText(expected);
      const shown = await ui.shownPolicy();
      await ui.copyPolicy();
      expect(await ui.clipboard()).toBe(shown);
      const doc = JSON.parse(shown) as PolicyDocument;
      expect(doc.Statement.map((s) => s.Sid)).toEqual([
        'DenyInsecureTransport',
        'LogportCloudWatchLogsGetBucketAcl',
        'LogportCloudWatchLogsPutObject',
        'LogportExporterPutObject',
      ]);
      expect(doc.Statement[1]?.Condition?.StringEquals?.['aws:SourceAccount']).toEqual([
        '111111111111',
        '222222222222',
      ]);
      expect(doc.Statement[3]?.Principal).toEqual({
        AWS: ['arn:aws:iam::111111111111:role/LogportExporter', staging],
      });
      await expect(page.getByTestId('command-output')).toContainText(
        `aws s3api put-bucket-policy --bucket ${bucket} --policy file://policy.json --region ${E2E.region}`,
      );
      // The check follows the first member, its role as the caller: allowed.
      await expect(ui.check.getByLabel('Identity that asks for the export')).toHaveValue(
        'arn:aws:iam::111111111111:role/LogportExporter',
      );
      await expect(ui.verdict).toHaveAttribute('data-verdict', 'allowed');
      // The inputs are in the URL: a reload shows the same policy.
      await expect(page).toHaveURL(/scenario=central-archive/);
      await page.reload();
      await expect(ui.bucketPolicyText).toHaveText(expected);

      await ui.apply();
      expect(formatPolicy(parsed(await bucketPolicy(bucket)))).toBe(expected);
      expect(applyLog(bucket)).toEqual([{ actor: 'admin', role: 'admin', outcome: 'ok', error: null }]);

      // A member's export, as its role, lands in the archive bucket under the prefix.
      const member = await memberLogs(staging);
      const taskId = await createExport(bucket, 'org/staging', member, '/aws/lambda/orders-api');
      await expect
        .poll(
          async () =>
            (await member.send(new DescribeExportTasksCommand({ taskId }))).exportTasks?.[0]?.status?.code,
          { timeout: 20_000 },
        )
        .toBe('COMPLETED');
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'org/staging/' }));
      expect((listed.Contents ?? []).some((o) => o.Key?.startsWith(`org/staging/${taskId}/`))).toBe(true);
    } finally {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      const objects = (listed.Contents ?? []).map((o) => ({ Key: o.Key ?? '' }));
      if (objects.length > 0)
        await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
      await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    }
  });

  test("a member account's export into the central archive: refused in plain words, the fix opens the archive on its owner", async ({
    page,
  }) => {
    test.skip(!E2E.appEnv.LOGPORT_ACCOUNTS, 'the e2e server has no member accounts');
    const bucket = 'central-archive-use2';
    const res = await page.request.post('/api/preflight', {
      data: {
        account: 'staging',
        region: E2E.region,
        bucket,
        prefix: 'org/staging',
        logGroupNames: ['/aws/lambda/orders-api'],
      },
      headers: { Origin: E2E.appUrl },
    });
    const body = (await res.json()) as Preflight & {
      checks: Array<{ code: string; params: Record<string, string> }>;
    };
    expect(body.ok).toBe(false);
    const policy = body.checks.find((c) => c.id === 'policy');
    expect(policy).toMatchObject({ verdict: 'fail', code: 'policyDeniesMember' });
    expect(policy?.findings?.map((f) => f.code)).toEqual(
      expect.arrayContaining(['source-account-mismatch', 'caller-put-object-missing']),
    );
    // The fix: the generator on the bucket's owner (the default account), central archive, staging a member.
    const ui = new PolicyGeneratorPage(page);
    await page.goto(policy?.fix?.href ?? '');
    await expect(ui.form.getByRole('radio', { name: /^Central archive/ })).toBeChecked();
    await expect(ui.form.getByRole('checkbox', { name: /^staging · 222222222222/ })).toBeChecked();
    await expect(ui.form.getByRole('checkbox', { name: /^prod · 111111111111/ })).toBeChecked();
    await expect(ui.form.getByRole('checkbox', { name: /^default · / })).not.toBeChecked();
    await expect(ui.bucketPolicyText).toContainText('"arn:aws:logs:us-east-2:222222222222:log-group:*"');
    await expect(ui.bucketPolicyText).toContainText('"arn:aws:iam::222222222222:role/LogportExporter"');
    await expect(
      page.getByText('Logport reads and applies the policy with its account default'),
    ).toBeVisible();
  });

  test('the direct-call helper reaches the load action (so the refusals below can fail)', async ({
    page,
  }) => {
    const load = await callAction(page.request, 'loadBucketPolicy', [
      { bucket: 'logport-exports', region: E2E.region },
    ]);
    expect(load.status).toBe(200);
    expect(actionResult(load.body)).toMatchObject({ ok: true });
    expect(load.body).toContain('s3:GetBucketAcl');
  });

  test('invalid JSON pasted as the existing policy is pointed at by line and column', async ({ page }) => {
    const ui = new PolicyGeneratorPage(page);
    await ui.goto({ bucket: NO_POLICY_BUCKET, region: E2E.region, accountId: E2E.accountId });
    await page
      .getByLabel('Existing bucket policy')
      .fill('{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}');
    await expect(
      page.getByText('This is not valid JSON: unexpected “}” at line 3, column 24.'),
    ).toBeVisible();
    await expect(ui.applyButton).toBeDisabled();
  });

  test('has no accessibility violations', async ({ page }) => {
    // No colour transitions: a button that slides under the pointer as the page grows would be read mid-fade.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const ui = new PolicyGeneratorPage(page);
    await ui.goto({
      bucket: NO_POLICY_BUCKET,
      region: E2E.region,
      accountId: E2E.accountId,
      scenario: 'cross-account-role',
    });
    await ui.form.getByLabel('IAM role name in the exporting account').fill('LogExporter');
    await ui.form.getByLabel('The bucket uses SSE-KMS encryption').check();
    await expect(page.getByTestId('iam-policy-output')).toContainText('logs:CreateExportTask');
    await expect(page.getByTestId('kms-output')).toContainText('kms:GenerateDataKey');
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    // The central archive's inputs too, with a member error showing.
    await ui.form.getByRole('radio', { name: /^Central archive/ }).check();
    const members = ui.form.getByRole('textbox', { name: /^(Other member accounts|Member accounts)/ });
    await members.fill('not-an-account');
    await members.blur();
    await expect(ui.form.getByText('Each member is a 12-digit account ID or an IAM role ARN')).toBeVisible();
    const archive = await new AxeBuilder({ page }).analyze();
    expect(
      archive.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});

for (const role of ['viewer', 'operator'] as TestRole[]) {
  test.describe(role, () => {
    test.use({ storageState: E2E.storageState(role), permissions: ['clipboard-read', 'clipboard-write'] });

    test(`${role} can generate and copy, has no Apply or Load, and the actions refuse a direct call`, async ({
      page,
    }) => {
      const ui = new PolicyGeneratorPage(page);
      await ui.goto({
        bucket: NO_POLICY_BUCKET,
        region: E2E.region,
        accountId: E2E.accountId,
        prefix: 'exports',
      });
      const shown = await ui.shownPolicy();
      await ui.copyPolicy();
      expect(await ui.clipboard()).toBe(shown);
      await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
      await expect(ui.loadButton).toHaveCount(0);

      const apply = await callAction(page.request, 'applyBucketPolicy', [
        { bucket: NO_POLICY_BUCKET, region: E2E.region, policy: shown, basedOn: null },
      ]);
      expect(apply.status).toBe(200);
      expect(actionResult(apply.body)).toMatchObject({
        ok: false,
        error: 'forbidden',
        params: { role, needed: 'admin' },
      });
      const load = await callAction(page.request, 'loadBucketPolicy', [
        { bucket: 'logport-exports', region: E2E.region },
      ]);
      expect(actionResult(load.body)).toMatchObject({ ok: false, error: 'forbidden' });
      expect(load.body).not.toContain('s3:GetBucketAcl');
      expect(await bucketPolicy(NO_POLICY_BUCKET)).toBeNull();
    });
  });
}
