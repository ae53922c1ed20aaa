import 'server-only';
import { accountRegions, getAccount, listAccounts } from '@/lib/accounts/registry';
import type { Scope } from '@/lib/accounts/types';
import { mapAwsError, reportAwsError } from '@/lib/aws/errors';
import { getIdentity } from '@/lib/aws/identity';
import { findActiveExportTask, invalidateExportTasks } from '@/lib/export-tasks/list';
import { checkExportAccess, parsePolicy, principalArnOf } from '@/lib/policy';
import { generatorHref } from '@/lib/policy/generator-href';
import { getBucketEncryption, getBucketPolicyText, getBucketRegion } from '@/lib/s3/buckets';
import type { PreflightCheck, PreflightFinding, PreflightResult } from './types';

export type PreflightInput = {
  /** The account that exports (its credentials, its aws:SourceAccount). */
  account: string;
  region: string;
  bucket: string;
  prefix: string;
  logGroupNames: string[];
  /** `launch`: another active export blocks; `queue`: the queue waits for it, so it is only a note. */
  mode: 'launch' | 'queue';
};

type Params = Record<string, string | number>;

const errorName = (err: unknown) => (err as { name?: string } | null)?.name ?? '';

function flatParams(params: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.join(', ');
    else if (v === null || v === undefined) out[k] = '';
    else out[k] = String(v);
  }
  return out;
}

const skip = (id: PreflightCheck['id'], code: string, params: Params = {}): PreflightCheck => ({
  id,
  verdict: 'skip',
  code,
  params,
});

/**
 * Who can read the bucket: the exporting account, or (a central archive bucket in another account) another
 * configured account of the same Region that owns it. The checks read the bucket with that account's
 * credentials; the exporting account is still what the policy must let in.
 */
async function bucketReader(input: PreflightInput): Promise<{ scope: Scope; region: string }> {
  const own = { account: input.account, region: input.region };
  try {
    return { scope: own, region: await getBucketRegion(own, input.bucket) };
  } catch (err) {
    const name = errorName(err);
    if (name !== 'AccessDenied' && mapAwsError(err).code !== 'awsAccessDenied') throw err;
    for (const other of await listAccounts()) {
      if (other.name === input.account || !other.regions.includes(input.region)) continue;
      const scope = { account: other.name, region: input.region };
      try {
        return { scope, region: await getBucketRegion(scope, input.bucket) };
      } catch {
        // Not this account's bucket either.
      }
    }
    throw err;
  }
}

async function bucketChecks(input: PreflightInput): Promise<PreflightCheck[]> {
  const { region, bucket } = input;
  let bucketRegion: string;
  let reader: Scope;
  try {
    ({ scope: reader, region: bucketRegion } = await bucketReader(input));
  } catch (err) {
    const name = errorName(err);
    if (name === 'NoSuchBucket' || name === 'NotFound') {
      const why = { bucket };
      return [
        { id: 'bucket', verdict: 'fail', code: 'bucketMissing', params: why },
        skip('region', 'skippedNoBucket'),
        skip('policy', 'skippedNoBucket'),
        skip('encryption', 'skippedNoBucket'),
      ];
    }
    const mapped = reportAwsError('preflight GetBucketLocation', err, { bucket });
    const code =
      mapped.code === 'awsAccessDenied' || name === 'AccessDenied' ? 'bucketHidden' : 'checkFailed';
    return [
      { id: 'bucket', verdict: 'warn', code, params: { bucket, reason: mapped.code } },
      skip('region', 'skippedUnknown'),
      skip('policy', 'skippedUnknown'),
      skip('encryption', 'skippedUnknown'),
    ];
  }
  const checks: PreflightCheck[] = [
    { id: 'bucket', verdict: 'pass', code: 'bucketFound', params: { bucket } },
  ];
  if (bucketRegion !== region) {
    checks.push(
      { id: 'region', verdict: 'fail', code: 'bucketOtherRegion', params: { bucket, bucketRegion, region } },
      skip('policy', 'skippedOtherRegion', { region }),
      skip('encryption', 'skippedOtherRegion', { region }),
    );
    return checks;
  }
  checks.push({ id: 'region', verdict: 'pass', code: 'sameRegion', params: { region } });
  const [policy, encryption] = await Promise.all([
    policyCheck(input, reader),
    encryptionCheck(reader, bucket),
  ]);
  checks.push(policy, encryption);
  return checks;
}

/**
 * The identity that calls CreateExportTask for this account, as a bucket policy names it: the role Logport
 * assumes there (its configured ARN keeps the role's path, which the session ARN drops), else what STS says the
 * ambient credentials are (a session counted as its role).
 */
async function callerOf(account: string, stsArn: string | null): Promise<string | null> {
  const role = (await getAccount(account))?.roleArn;
  if (role) return role;
  return stsArn ? principalArnOf(stsArn) : null;
}

async function policyCheck(input: PreflightInput, reader: Scope): Promise<PreflightCheck> {
  const { region, bucket, prefix } = input;
  const identity = await getIdentity({ account: input.account, region });
  const account = identity.account;
  // A bucket that only another configured account can read belongs to that account (a central archive): S3
  // then also checks the exporting identity against the bucket policy, and the fix is the owner's to apply.
  const crossAccount = reader.account !== input.account;
  const caller = crossAccount ? await callerOf(input.account, identity.arn) : null;
  // The archive's policy serves every member, so its link is for the whole bucket: this member's prefix there
  // would narrow the statements the other members write through.
  const href = crossAccount
    ? generatorHref(bucket, region, account, '', { scope: reader.account, scenario: 'central-archive' })
    : generatorHref(bucket, region, account, prefix, { scope: input.account });
  const fix = { kind: 'policy' as const, href };
  if (!account) return { id: 'policy', verdict: 'warn', code: 'accountUnknown', params: { bucket }, fix };
  let text: string | null;
  try {
    text = await getBucketPolicyText(reader, bucket);
  } catch (err) {
    const mapped = reportAwsError('preflight GetBucketPolicy', err, { bucket });
    return {
      id: 'policy',
      verdict: 'warn',
      code: 'policyUnreadable',
      params: { bucket, reason: mapped.code },
      fix,
    };
  }
  if (text === null) {
    return {
      id: 'policy',
      verdict: 'fail',
      code: 'policyMissing',
      params: { bucket, region },
      findings: [{ code: 'no-policy', severity: 'error', params: { bucket } }],
      fix,
    };
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) return { id: 'policy', verdict: 'fail', code: 'policyInvalid', params: { bucket }, fix };
  // Each log group is its own aws:SourceArn; a policy may let in some groups and not others.
  const groups = input.logGroupNames.length > 0 ? input.logGroupNames : [undefined];
  const findings: PreflightFinding[] = [];
  let allowed = true;
  let uncertain = false;
  for (const logGroupName of groups) {
    const result = checkExportAccess(parsed.policy, {
      bucket,
      region,
      prefix,
      accountId: account,
      ...(logGroupName ? { logGroupName } : {}),
      ...(caller ? { caller } : {}),
    });
    allowed &&= result.allowed;
    uncertain ||= result.uncertain;
    for (const f of result.findings) {
      const finding = {
        code: f.code,
        severity: f.severity,
        params: flatParams(f.params as unknown as Record<string, unknown>),
      };
      if (!findings.some((x) => JSON.stringify(x) === JSON.stringify(finding))) findings.push(finding);
    }
    if (!result.allowed) break;
  }
  const params = { bucket, region, prefix: prefix || 'exportedlogs' };
  if (allowed && !uncertain) return { id: 'policy', verdict: 'pass', code: 'policyAllows', params, findings };
  if (allowed || uncertain)
    return { id: 'policy', verdict: 'warn', code: 'policyUncertain', params, findings, fix };
  if (crossAccount) {
    const member = { ...params, accountId: account, owner: reader.account, caller: caller ?? '' };
    return { id: 'policy', verdict: 'fail', code: 'policyDeniesMember', params: member, findings, fix };
  }
  return { id: 'policy', verdict: 'fail', code: 'policyDenies', params, findings, fix };
}

async function encryptionCheck(reader: Scope, bucket: string): Promise<PreflightCheck> {
  const { region } = reader;
  try {
    const enc = await getBucketEncryption(reader, bucket);
    if (enc.algorithm === 'aws:kms') {
      const keyId = enc.kmsKeyId ?? '';
      // The AWS managed key cannot be shared with CloudWatch Logs; only a customer managed key works.
      if (/alias\/aws\/s3$/.test(keyId) || keyId === '') {
        return {
          id: 'encryption',
          verdict: 'fail',
          code: 'kmsManagedKey',
          params: { bucket, keyId, region },
        };
      }
      return { id: 'encryption', verdict: 'warn', code: 'kmsKeyPolicy', params: { bucket, keyId, region } };
    }
    if (enc.algorithm === 'aws:kms:dsse') {
      return { id: 'encryption', verdict: 'fail', code: 'dsseUnsupported', params: { bucket } };
    }
    return {
      id: 'encryption',
      verdict: 'pass',
      code: enc.algorithm === 'AES256' ? 'sseS3' : 'noEncryption',
      params: { bucket },
    };
  } catch (err) {
    const mapped = reportAwsError('preflight GetBucketEncryption', err, { bucket });
    return {
      id: 'encryption',
      verdict: 'warn',
      code: 'encryptionUnreadable',
      params: { bucket, reason: mapped.code },
    };
  }
}

async function activeCheck(account: string, mode: PreflightInput['mode']): Promise<PreflightCheck> {
  try {
    // A fresh look: a cached "nothing active" from seconds ago would let a launch fail for no visible reason.
    invalidateExportTasks();
    const active = await findActiveExportTask(account, await accountRegions(account));
    if (!active) return { id: 'active', verdict: 'pass', code: 'noActiveExport', params: {} };
    const params = {
      taskId: active.taskId,
      name: active.taskName ?? active.taskId,
      logGroup: active.logGroupName,
      region: active.region,
      status: active.status,
    };
    const fix = { kind: 'task' as const, href: `/exports/${encodeURIComponent(active.taskId)}` };
    return mode === 'launch'
      ? { id: 'active', verdict: 'fail', code: 'activeExport', params, fix }
      : { id: 'active', verdict: 'warn', code: 'activeExportQueue', params, fix };
  } catch (err) {
    return { id: 'active', verdict: 'warn', code: 'checkFailed', params: { reason: mapAwsError(err).code } };
  }
}

/**
 * The checks the wizard runs as soon as bucket and prefix are known, and the launch action runs again: the
 * same answers AWS would give, before anything is created. Never throws: a check that cannot run says so.
 */
export async function runPreflight(input: PreflightInput): Promise<PreflightResult> {
  const [bucket, active] = await Promise.all([bucketChecks(input), activeCheck(input.account, input.mode)]);
  const checks = [...bucket, active];
  return { checks, ok: checks.every((c) => c.verdict !== 'fail'), ranAt: Date.now() };
}
