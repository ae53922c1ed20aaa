import type { Partition } from './types';

export interface CheckInput {
  bucket: string;
  region: string;
  /** Defaults to the Region's partition. */
  partition?: Partition;
  /** Destination prefix; empty means CloudWatch's default `exportedlogs`. Slashes are trimmed. */
  prefix?: string;
  /** The account that owns the log group (becomes `aws:SourceAccount`). */
  accountId: string;
  /** `aws:SourceArn` of the export; defaults to the ARN of `logGroupName`. */
  sourceArn?: string;
  /** Used for the default SourceArn; a representative name when omitted. */
  logGroupName?: string;
  /**
   * The identity that calls CreateExportTask, when the bucket belongs to another account: S3 then checks that
   * the bucket policy lets it s3:PutObject with the bucket-owner-full-control ACL, beside CloudWatch Logs. A role
   * ARN, a user ARN, or an STS session ARN (`arn:aws:sts::<id>:assumed-role/<role>/<session>`, checked as its
   * role). Leave it out for a bucket of the exporting account: there the caller's IAM policies decide.
   */
  caller?: string;
}

export type RequiredAction = 's3:GetBucketAcl' | 's3:PutObject';

/** Points at a statement: 0-based index, its Sid if any, and a label (Sid or `#n`, 1-based). */
export interface StatementRef {
  index: number;
  sid?: string;
  statement: string;
}

export interface ActionCheck {
  action: RequiredAction;
  /** What the action must reach, e.g. `arn:aws:s3:::b/prefix/*`. */
  resource: string;
  allowed: boolean;
  allowedBy: StatementRef[];
  deniedBy: StatementRef[];
  /** Set on the check of the exporting identity (the caller); absent on CloudWatch Logs' own checks. */
  caller?: string;
}

type At = StatementRef & { action: RequiredAction };
type Mismatch = At & { operator: string; key: string; expected: string[]; actual: string | null };

/** Every reason is a code with params, for the UI to put into words (English, Japanese). */
export type CheckFinding = { severity: 'error' | 'warning' } & (
  | { code: 'no-policy'; params: { bucket: string } }
  | { code: 'missing-get-bucket-acl'; params: { action: RequiredAction; bucket: string; resource: string } }
  | {
      code: 'missing-put-object';
      params: { action: RequiredAction; bucket: string; prefix: string; resource: string };
    }
  | { code: 'denied-by-statement'; params: At }
  | {
      code: 'caller-put-object-missing';
      params: { action: RequiredAction; caller: string; bucket: string; prefix: string; resource: string };
    }
  | { code: 'caller-denied-by-statement'; params: At & { caller: string } }
  | {
      code: 'wrong-region-principal';
      params: At & { region: string; regions: string[]; expectedRegion: string };
    }
  | { code: 'wrong-bucket'; params: At & { buckets: string[]; expectedBucket: string } }
  | { code: 'wrong-partition'; params: At & { partitions: string[]; expectedPartition: Partition } }
  | {
      code: 'prefix-not-covered';
      params: { action: RequiredAction; prefix: string; coveredPrefixes: string[]; statements: string[] };
    }
  | { code: 'acl-condition-mismatch'; params: Mismatch }
  | { code: 'source-account-mismatch'; params: Mismatch }
  | { code: 'source-arn-mismatch'; params: Mismatch }
  | { code: 'condition-not-met'; params: Mismatch }
  | {
      code: 'unsupported-condition';
      params: At & { effect: 'Allow' | 'Deny'; operator: string; key: string };
    }
);

export type CheckCode = CheckFinding['code'];

export interface CheckResult {
  /** True only when every check (both of CloudWatch Logs', and the caller's when given) is allowed and no
   *  explicit Deny matches. */
  allowed: boolean;
  /** A statement has a condition we cannot evaluate and it could change the verdict. */
  uncertain: boolean;
  checks: ActionCheck[];
  /** Errors first (why it is not allowed), then warnings. */
  findings: CheckFinding[];
}
