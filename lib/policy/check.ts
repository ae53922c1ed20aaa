import type {
  ActionCheck,
  CheckFinding,
  CheckInput,
  CheckResult,
  RequiredAction,
  StatementRef,
} from './check-types';
import { type ConditionFailure, evaluateConditions, type RequestContext } from './conditions';
import {
  actionMatches,
  globMatch,
  type PrincipalVerdict,
  principalMatches,
  resourceMatches,
  toArray,
} from './match';
import {
  ACL_BUCKET_OWNER_FULL_CONTROL,
  bucketArn,
  normalizePrefix,
  partitionForRegion,
  principalArnOf,
} from './names';
import type { Partition, PolicyDocument, Principal, Statement } from './types';

/** CreateExportTask writes under `exportedlogs/` when no destination prefix is given. */
export const DEFAULT_EXPORT_PREFIX = 'exportedlogs';
const SAMPLE_LOG_GROUP = 'logport-sample-log-group';
// CloudWatch first writes `<prefix>/aws-logs-write-test`, then `<prefix>/<taskId>/<stream>/NNNNNN.gz`;
// PutObject must be allowed on both kinds of key.
const SAMPLE_KEYS = [
  'aws-logs-write-test',
  '0b1d7d9e-4c2a-4f7b-9a31-2e5f8c6d1a40/i-0abc123def4567890/000000.gz',
];
// Keys whose value (or absence) we know for CloudWatch Logs' own requests; any other key is unknown.
const ALWAYS_KNOWN = ['s3:x-amz-acl'];

interface Request {
  action: RequiredAction;
  display: string;
  resources: string[];
  context: RequestContext;
  /** Does a Principal element name who makes this request (CloudWatch Logs of the Region, or the caller)? */
  principal: (p: Principal | undefined) => PrincipalVerdict;
  /** The exporting identity, for its own check (absent on CloudWatch Logs' checks). */
  caller?: string;
}

interface Env {
  bucket: string;
  region: string;
  partition: Partition;
  prefix: string;
}

const refOf = (s: Statement, index: number): StatementRef =>
  s.Sid ? { index, sid: s.Sid, statement: s.Sid } : { index, statement: `#${index + 1}` };

function principalOf(s: Statement, req: Request): PrincipalVerdict {
  if (s.Principal !== undefined) return req.principal(s.Principal);
  if (s.NotPrincipal === undefined) return { kind: 'no-match' };
  // NotPrincipal applies to everyone it does not name; a logs principal for another Region
  // does not exclude ours.
  return req.principal(s.NotPrincipal).kind === 'match' ? { kind: 'no-match' } : { kind: 'match' };
}

/**
 * The caller as a bucket policy can name it: its ARN, its role's ARN for an STS session, its account
 * (`123456789012` or `arn:<p>:iam::123456789012:root`), or everyone (`*`). Service principals never name it.
 */
function callerMatcher(caller: string) {
  const principal = principalArnOf(caller);
  const m = /^arn:([^:]+):(?:iam|sts)::(\d{12}):/.exec(principal);
  const names = new Set([caller, principal]);
  if (m) names.add(m[2] ?? '').add(`arn:${m[1]}:iam::${m[2]}:root`);
  return (p: Principal | undefined): PrincipalVerdict => {
    if (p === undefined) return { kind: 'no-match' };
    if (p === '*') return { kind: 'match' };
    const aws = Object.entries(p).flatMap(([type, values]) => (type === 'AWS' ? toArray(values) : []));
    return aws.some((v) => v === '*' || names.has(v)) ? { kind: 'match' } : { kind: 'no-match' };
  };
}

const actionApplies = (s: Statement, action: string) =>
  s.Action !== undefined
    ? actionMatches(s.Action, action)
    : s.NotAction !== undefined && !actionMatches(s.NotAction, action);

const resourceApplies = (s: Statement, resource: string) =>
  s.Resource !== undefined
    ? resourceMatches(s.Resource, resource)
    : s.NotResource !== undefined && !resourceMatches(s.NotResource, resource);

function conditionFinding(f: ConditionFailure, at: StatementRef & { action: RequiredAction }): CheckFinding {
  const params = { ...at, operator: f.operator, key: f.key, expected: f.expected, actual: f.actual };
  const key = f.key.toLowerCase();
  if (key === 's3:x-amz-acl') return { code: 'acl-condition-mismatch', severity: 'error', params };
  if (key === 'aws:sourceaccount') return { code: 'source-account-mismatch', severity: 'error', params };
  if (key === 'aws:sourcearn') return { code: 'source-arn-mismatch', severity: 'error', params };
  return { code: 'condition-not-met', severity: 'error', params };
}

/** Why an Allow statement's Resource misses: another bucket, another partition, or another prefix. */
function resourceMiss(s: Statement, req: Request, env: Env, at: StatementRef & { action: RequiredAction }) {
  const buckets = new Set<string>();
  const partitions = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of toArray(s.Resource)) {
    const m = /^arn:([^:]*):s3:::([^/]*)(?:\/(.*))?$/.exec(pattern);
    if (!m) continue;
    const [, partition = '', bucketPart = '', path] = m;
    if (!globMatch(bucketPart, env.bucket)) buckets.add(bucketPart);
    else if (!globMatch(partition, env.partition)) partitions.add(partition);
    else if (path !== undefined && req.action === 's3:PutObject') {
      prefixes.push(path.replace(/\*+$/, '').replace(/\/+$/, ''));
    }
  }
  const findings: CheckFinding[] = [];
  if (prefixes.length === 0 && partitions.size > 0) {
    findings.push({
      code: 'wrong-partition',
      severity: 'error',
      params: { ...at, partitions: [...partitions], expectedPartition: env.partition },
    });
  } else if (prefixes.length === 0 && buckets.size > 0) {
    findings.push({
      code: 'wrong-bucket',
      severity: 'error',
      params: { ...at, buckets: [...buckets], expectedBucket: env.bucket },
    });
  }
  return { findings, prefixes };
}

function evaluate(policy: PolicyDocument, req: Request, env: Env) {
  const knownKeys = new Set([...req.context.keys(), ...ALWAYS_KNOWN]);
  const allowedBy: StatementRef[] = [];
  const deniedBy: StatementRef[] = [];
  const nearMisses: CheckFinding[] = [];
  const warnings: CheckFinding[] = [];
  const covered = { prefixes: [] as string[], statements: [] as string[] };
  let unsureAllow = false;
  let unsureDeny = false;
  policy.Statement.forEach((s, index) => {
    if (!actionApplies(s, req.action)) return;
    const at = { ...refOf(s, index), action: req.action };
    const principal = principalOf(s, req);
    const cond = evaluateConditions(s.Condition, req.context, knownKeys);
    const unsupported = (effect: 'Allow' | 'Deny'): CheckFinding[] =>
      cond.unsupported.map((u) => ({
        code: 'unsupported-condition',
        severity: 'warning',
        params: { ...at, effect, operator: u.operator, key: u.key },
      }));
    if (s.Effect === 'Deny') {
      if (principal.kind !== 'match' || !req.resources.some((r) => resourceApplies(s, r))) return;
      if (cond.result === 'true') deniedBy.push(refOf(s, index));
      else if (cond.result === 'unknown') {
        // We cannot tell whether this Deny blocks CloudWatch Logs: say so rather than guess.
        warnings.push(...unsupported('Deny'));
        unsureDeny = true;
      }
      return;
    }
    if (principal.kind === 'no-match') return;
    if (principal.kind === 'other-region') {
      const [region = ''] = principal.regions;
      nearMisses.push({
        code: 'wrong-region-principal',
        severity: 'error',
        params: { ...at, region, regions: principal.regions, expectedRegion: env.region },
      });
    }
    if (!req.resources.every((r) => resourceApplies(s, r))) {
      const miss = resourceMiss(s, req, env, at);
      nearMisses.push(...miss.findings);
      if (miss.prefixes.length > 0) {
        covered.prefixes.push(...miss.prefixes);
        covered.statements.push(at.statement);
      }
      return;
    }
    if (cond.result === 'false') nearMisses.push(...cond.failures.map((f) => conditionFinding(f, at)));
    else if (principal.kind === 'match' && cond.result === 'true') allowedBy.push(refOf(s, index));
    else if (cond.result === 'unknown') {
      nearMisses.push(...unsupported('Allow'));
      if (principal.kind === 'match') unsureAllow = true;
    }
  });
  const allowed = allowedBy.length > 0 && deniedBy.length === 0;
  const caller = req.caller;
  const errors: CheckFinding[] = deniedBy.map((ref) =>
    caller === undefined
      ? { code: 'denied-by-statement', severity: 'error', params: { ...ref, action: req.action } }
      : {
          code: 'caller-denied-by-statement',
          severity: 'error',
          params: { ...ref, action: req.action, caller },
        },
  );
  if (allowedBy.length === 0) {
    errors.push(missing(req, env));
    if (covered.prefixes.length > 0) {
      errors.push({
        code: 'prefix-not-covered',
        severity: 'error',
        params: {
          action: req.action,
          prefix: env.prefix,
          coveredPrefixes: [...new Set(covered.prefixes)],
          statements: covered.statements,
        },
      });
    }
    for (const f of nearMisses) (f.severity === 'warning' ? warnings : errors).push(f);
  }
  const check: ActionCheck = {
    action: req.action,
    resource: req.display,
    allowed,
    allowedBy,
    deniedBy,
    ...(caller === undefined ? {} : { caller }),
  };
  // An unknown Deny only matters if we would otherwise allow; an unknown Allow only if nothing else allows.
  const uncertain =
    (allowed && unsureDeny) || (allowedBy.length === 0 && deniedBy.length === 0 && unsureAllow);
  return { check, errors, warnings, uncertain };
}

function missing(req: Request, env: Env): CheckFinding {
  if (req.caller !== undefined) {
    return {
      code: 'caller-put-object-missing',
      severity: 'error',
      params: {
        action: req.action,
        caller: req.caller,
        bucket: env.bucket,
        prefix: env.prefix,
        resource: req.display,
      },
    };
  }
  return req.action === 's3:GetBucketAcl'
    ? {
        code: 'missing-get-bucket-acl',
        severity: 'error',
        params: { action: req.action, bucket: env.bucket, resource: req.display },
      }
    : {
        code: 'missing-put-object',
        severity: 'error',
        params: { action: req.action, bucket: env.bucket, prefix: env.prefix, resource: req.display },
      };
}

function requestsFor(input: CheckInput, env: Env): Request[] {
  const group = input.logGroupName ?? SAMPLE_LOG_GROUP;
  const sourceArn =
    input.sourceArn ?? `arn:${env.partition}:logs:${env.region}:${input.accountId}:log-group:${group}`;
  const common: [string, string[]][] = [
    ['aws:sourceaccount', [input.accountId]],
    ['aws:sourcearn', [sourceArn]],
    ['aws:securetransport', ['true']],
    ['aws:principalisawsservice', ['true']],
    ['aws:principalservicename', ['logs.amazonaws.com']],
  ];
  const bucket = bucketArn(env.partition, env.bucket);
  const objects = `${bucket}/${env.prefix}/`;
  const logs = (p: Principal | undefined) => principalMatches(p, env.region, env.partition);
  const requests: Request[] = [
    {
      action: 's3:GetBucketAcl',
      display: bucket,
      resources: [bucket],
      context: new Map(common),
      principal: logs,
    },
    {
      action: 's3:PutObject',
      display: `${objects}*`,
      resources: SAMPLE_KEYS.map((k) => objects + k),
      context: new Map([...common, ['s3:x-amz-acl', [ACL_BUCKET_OWNER_FULL_CONTROL]]]),
      principal: logs,
    },
  ];
  const callerArn = input.caller?.trim();
  if (callerArn) {
    // Another account's bucket: S3 also checks that the caller may write what CloudWatch Logs writes for it.
    const principal = principalArnOf(callerArn);
    const account = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
    requests.push({
      action: 's3:PutObject',
      display: `${objects}*`,
      resources: SAMPLE_KEYS.map((k) => objects + k),
      context: new Map([
        ['aws:principalarn', [principal]],
        ...(account ? [['aws:principalaccount', [account]] as [string, string[]]] : []),
        ['aws:securetransport', ['true']],
        ['aws:principalisawsservice', ['false']],
        ['s3:x-amz-acl', [ACL_BUCKET_OWNER_FULL_CONTROL]],
      ]),
      principal: callerMatcher(callerArn),
      caller: principal,
    });
  }
  return requests;
}

/**
 * May CloudWatch Logs in `region` export to `bucket` under `prefix`, given this bucket policy?
 * Models the two calls the service makes (GetBucketAcl on the bucket, PutObject with
 * `x-amz-acl: bucket-owner-full-control` under the prefix) with IAM's evaluation: an explicit
 * Deny wins, otherwise an Allow is needed. With `caller` (a bucket of another account) the caller's
 * own PutObject is a third check. Each "no" comes with the reasons as codes.
 */
export function checkExportAccess(policy: PolicyDocument | null, input: CheckInput): CheckResult {
  const env: Env = {
    bucket: input.bucket,
    region: input.region,
    partition: input.partition ?? partitionForRegion(input.region),
    prefix: normalizePrefix(input.prefix) || DEFAULT_EXPORT_PREFIX,
  };
  const requests = requestsFor(input, env);
  if (!policy) {
    return {
      allowed: false,
      uncertain: false,
      checks: requests.map((r) => ({
        action: r.action,
        resource: r.display,
        allowed: false,
        allowedBy: [],
        deniedBy: [],
      })),
      findings: [
        { code: 'no-policy', severity: 'error', params: { bucket: env.bucket } },
        ...requests.map((r) => missing(r, env)),
      ],
    };
  }
  const results = requests.map((r) => evaluate(policy, r, env));
  return {
    allowed: results.every((r) => r.check.allowed),
    uncertain: results.some((r) => r.uncertain),
    checks: results.map((r) => r.check),
    findings: [...results.flatMap((r) => r.errors), ...results.flatMap((r) => r.warnings)],
  };
}
