import {
  ACL_BUCKET_OWNER_FULL_CONTROL,
  bucketArn,
  DEFAULT_EXPORTER_ROLE,
  exporterArn,
  logGroupsArnPattern,
  logsPrincipal,
  objectsArn,
  partitionForRegion,
  SID,
} from './names';
import {
  type ConditionBlock,
  type Partition,
  POLICY_VERSION,
  type PolicyDocument,
  type Statement,
} from './types';

// The central archive (AWS's security reference architecture): one bucket per Region in a log-archive account
// receives the exports of many member accounts. Each member exports as its own IAM identity, so the bucket's
// policy must let CloudWatch Logs write for every member (aws:SourceAccount, aws:SourceArn) AND let each
// member's exporting identity s3:PutObject (S3 checks the caller of a cross-account CreateExportTask too).

export interface CentralArchiveInput {
  bucket: string;
  /** The bucket's Region; the log groups must be in it, so there is one archive bucket per Region. */
  region: string;
  /** Defaults to the partition the Region belongs to. */
  partition?: Partition;
  /**
   * Member accounts: each a 12-digit id (exporting as `exporterRole` there) or the ARN of the IAM role or user
   * it exports as (`arn:<partition>:iam::<id>:role/<name>`).
   */
  members: string[];
  /** The exporting role's name in members given by id; default `LogportExporter`. */
  exporterRole?: string;
  /** `aws:SourceOrgID` (e.g. `o-a1b2c3d4e5`): an extra condition, exports only from the organization's accounts. */
  sourceOrgId?: string;
  /** Destination prefix; empty means the whole bucket. */
  prefix?: string;
}

export const ACCOUNT_ID = /^\d{12}$/;
/** An IAM role or user ARN (paths allowed), capturing partition, account and kind. */
export const EXPORTER_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const ORG_ID = /^o-[a-z0-9]{10,32}$/;

export interface ResolvedMember {
  accountId: string;
  /** The exporting identity's ARN. */
  exporter: string;
}

/**
 * Members as (account, exporting identity), in input order, without repeats. An entry that is neither an id
 * nor an IAM role/user ARN throws: the form's schema says what is wrong before this runs.
 */
export function resolveMembers(
  members: string[],
  partition: Partition,
  exporterRole: string = DEFAULT_EXPORTER_ROLE,
): ResolvedMember[] {
  const out: ResolvedMember[] = [];
  for (const raw of members) {
    const entry = raw.trim();
    if (entry === '') continue;
    let member: ResolvedMember;
    if (ACCOUNT_ID.test(entry)) {
      member = { accountId: entry, exporter: exporterArn(partition, entry, 'role', exporterRole) };
    } else {
      const m = EXPORTER_ARN.exec(entry);
      if (!m) throw new Error(`member ${entry} is neither a 12-digit account id nor an IAM role or user ARN`);
      member = { accountId: m[2] ?? '', exporter: entry };
    }
    if (!out.some((o) => o.exporter === member.exporter)) out.push(member);
  }
  return out;
}

function resolve(input: CentralArchiveInput) {
  const partition = input.partition ?? partitionForRegion(input.region);
  const role = input.exporterRole?.trim() || DEFAULT_EXPORTER_ROLE;
  const members = resolveMembers(input.members, partition, role);
  if (members.length === 0) throw new Error('a central archive needs at least one member account');
  // Sorted: the policy does not depend on the order members were chosen or typed in, so regenerating after a
  // reorder (or a reload that lists them differently) merges as "unchanged".
  const accounts = [...new Set(members.map((m) => m.accountId))].sort();
  const exporters = members.map((m) => m.exporter).sort();
  const orgId = input.sourceOrgId?.trim() ?? '';
  return { partition, accounts, exporters, orgId };
}

/** The logs service may act only for the members' log groups (and, when given, the organization's). */
function sourceConditions(
  input: CentralArchiveInput,
  r: ReturnType<typeof resolve>,
  extraEquals: Record<string, string> = {},
): ConditionBlock {
  const equals: Record<string, string | string[]> = { ...extraEquals, 'aws:SourceAccount': [...r.accounts] };
  if (r.orgId !== '') equals['aws:SourceOrgID'] = r.orgId;
  return {
    StringEquals: equals,
    ArnLike: { 'aws:SourceArn': r.accounts.map((a) => logGroupsArnPattern(r.partition, input.region, a)) },
  };
}

/**
 * The archive bucket's policy. The Sids are Logport's usual ones, so merging by Sid replaces Logport's
 * statements of an earlier run (another member list, another scenario) in place and keeps everyone else's.
 */
export function generateCentralArchivePolicy(input: CentralArchiveInput): PolicyDocument {
  const r = resolve(input);
  const service = { Service: logsPrincipal(input.region) };
  const objects = objectsArn(r.partition, input.bucket, input.prefix);
  const acl = { 's3:x-amz-acl': ACL_BUCKET_OWNER_FULL_CONTROL };
  const statements: Statement[] = [
    {
      Sid: SID.logsGetBucketAcl,
      Effect: 'Allow',
      Principal: service,
      Action: 's3:GetBucketAcl',
      Resource: bucketArn(r.partition, input.bucket),
      Condition: sourceConditions(input, r),
    },
    {
      Sid: SID.logsPutObject,
      Effect: 'Allow',
      Principal: service,
      Action: 's3:PutObject',
      Resource: objects,
      Condition: sourceConditions(input, r, acl),
    },
    {
      Sid: SID.exporterPutObject,
      Effect: 'Allow',
      // One string when there is one exporter, as IAM writes it back.
      Principal: { AWS: r.exporters.length === 1 ? (r.exporters[0] ?? '') : [...r.exporters] },
      Action: 's3:PutObject',
      Resource: objects,
      Condition: { StringEquals: acl },
    },
  ];
  return { Version: POLICY_VERSION, Statement: statements };
}

/** Statements for the SSE-KMS key of an archive bucket: the logs service for the members, and their exporters. */
export function generateCentralArchiveKmsStatements(input: CentralArchiveInput): Statement[] {
  const r = resolve(input);
  const actions = ['kms:GenerateDataKey', 'kms:Decrypt'];
  return [
    {
      Sid: SID.logsKms,
      Effect: 'Allow',
      Principal: { Service: logsPrincipal(input.region) },
      Action: actions,
      Resource: '*',
      Condition: sourceConditions(input, r),
    },
    {
      Sid: SID.exporterKms,
      Effect: 'Allow',
      Principal: { AWS: r.exporters.length === 1 ? (r.exporters[0] ?? '') : [...r.exporters] },
      Action: [...actions],
      Resource: '*',
    },
  ];
}
