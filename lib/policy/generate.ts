import {
  ACL_BUCKET_OWNER_FULL_CONTROL,
  bucketArn,
  exporterArn,
  logGroupsArnPattern,
  logsPrincipal,
  objectsArn,
  partitionForRegion,
  SID,
  shellQuote,
} from './names';
import {
  type ConditionBlock,
  type Partition,
  POLICY_VERSION,
  type PolicyDocument,
  type PolicyInput,
  type Statement,
} from './types';

interface Resolved {
  partition: Partition;
  sourceAccounts: string[];
  confusedDeputy: boolean;
  exporter: string | null;
}

function resolve(input: PolicyInput): Resolved {
  const partition = input.partition ?? partitionForRegion(input.region);
  const listed = (input.sourceAccounts ?? []).map((a) => a.trim()).filter((a) => a !== '');
  // Deduplicated in input order so regenerating with the same accounts is byte-identical.
  const sourceAccounts = [...new Set(listed.length > 0 ? listed : [input.accountId])];
  const name = input.exporterName?.trim() ?? '';
  let exporter: string | null = null;
  if (input.scenario !== 'same-account') {
    if (name === '') throw new Error('exporterName is required for cross-account scenarios');
    const kind = input.scenario === 'cross-account-user' ? 'user' : 'role';
    exporter = exporterArn(partition, input.accountId, kind, name);
  }
  return { partition, sourceAccounts, confusedDeputy: input.confusedDeputy ?? true, exporter };
}

/** Confused-deputy conditions: the logs service may act only for these accounts' log groups. */
function deputyConditions(input: PolicyInput, r: Resolved, extraEquals: Record<string, string> = {}) {
  const condition: ConditionBlock = {};
  const equals: Record<string, string | string[]> = { ...extraEquals };
  if (r.confusedDeputy) equals['aws:SourceAccount'] = [...r.sourceAccounts];
  if (Object.keys(equals).length > 0) condition.StringEquals = equals;
  if (r.confusedDeputy) {
    condition.ArnLike = {
      'aws:SourceArn': r.sourceAccounts.map((a) => logGroupsArnPattern(r.partition, input.region, a)),
    };
  }
  return Object.keys(condition).length > 0 ? condition : undefined;
}

function withCondition(statement: Statement, condition: ConditionBlock | undefined): Statement {
  return condition ? { ...statement, Condition: condition } : statement;
}

/** The bucket policy for the destination bucket: see the AWS guide's step 3 and its current form. */
export function generateBucketPolicy(input: PolicyInput): PolicyDocument {
  const r = resolve(input);
  const service = { Service: logsPrincipal(input.region) };
  const objects = objectsArn(r.partition, input.bucket, input.prefix);
  const acl = { 's3:x-amz-acl': ACL_BUCKET_OWNER_FULL_CONTROL };
  const statements: Statement[] = [
    withCondition(
      {
        Sid: SID.logsGetBucketAcl,
        Effect: 'Allow',
        Principal: service,
        Action: 's3:GetBucketAcl',
        Resource: bucketArn(r.partition, input.bucket),
      },
      deputyConditions(input, r),
    ),
    withCondition(
      {
        Sid: SID.logsPutObject,
        Effect: 'Allow',
        Principal: service,
        Action: 's3:PutObject',
        Resource: objects,
      },
      deputyConditions(input, r, acl),
    ),
  ];
  if (r.exporter) {
    statements.push({
      Sid: SID.exporterPutObject,
      Effect: 'Allow',
      Principal: { AWS: r.exporter },
      Action: 's3:PutObject',
      Resource: objects,
      Condition: { StringEquals: acl },
    });
  }
  return { Version: POLICY_VERSION, Statement: statements };
}

export const EXPORT_TASK_ACTIONS = [
  'logs:CreateExportTask',
  'logs:DescribeExportTasks',
  'logs:CancelExportTask',
  'logs:DescribeLogGroups',
  'logs:DescribeLogStreams',
] as const;

/**
 * Identity policy for the exporting IAM user or role. The export-task actions take `*` because
 * DescribeExportTasks and DescribeLogGroups have no resource-level permissions. The bucket read
 * statement lets Logport check location and policy before it exports.
 */
export function generateExporterIamPolicy(input: PolicyInput): PolicyDocument {
  const partition = input.partition ?? partitionForRegion(input.region);
  return {
    Version: POLICY_VERSION,
    Statement: [
      { Sid: SID.exporterExportTasks, Effect: 'Allow', Action: [...EXPORT_TASK_ACTIONS], Resource: '*' },
      {
        Sid: SID.exporterPutObject,
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: objectsArn(partition, input.bucket, input.prefix),
      },
      {
        Sid: SID.exporterBucketPreflight,
        Effect: 'Allow',
        Action: ['s3:GetBucketLocation', 's3:GetBucketPolicy'],
        Resource: bucketArn(partition, input.bucket),
      },
    ],
  };
}

/** Statements to add to the SSE-KMS key's key policy (key policies use `Resource: "*"`). */
export function generateKmsKeyPolicyStatements(input: PolicyInput): Statement[] {
  const r = resolve(input);
  const actions = ['kms:GenerateDataKey', 'kms:Decrypt'];
  const statements: Statement[] = [
    withCondition(
      {
        Sid: SID.logsKms,
        Effect: 'Allow',
        Principal: { Service: logsPrincipal(input.region) },
        Action: actions,
        Resource: '*',
      },
      deputyConditions(input, r),
    ),
  ];
  if (r.exporter) {
    statements.push({
      Sid: SID.exporterKms,
      Effect: 'Allow',
      Principal: { AWS: r.exporter },
      Action: [...actions],
      Resource: '*',
    });
  }
  return statements;
}

export function putBucketPolicyCommand(
  bucket: string,
  options: { region?: string; file?: string } = {},
): string {
  const parts = ['aws s3api put-bucket-policy', `--bucket ${shellQuote(bucket)}`];
  parts.push(`--policy ${shellQuote(`file://${options.file ?? 'policy.json'}`)}`);
  if (options.region) parts.push(`--region ${shellQuote(options.region)}`);
  return parts.join(' ');
}

// randomPrefix lives in names.ts (no generator code), so the wizard can use it without the whole generator.
export { randomPrefix } from './names';
