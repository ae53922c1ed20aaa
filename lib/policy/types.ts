// Shared shapes for IAM/S3 policy documents. Kept structural (plain JSON) so a policy pasted
// by a user, one loaded from S3 and one we generate are the same kind of value.

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

export const SCENARIOS = ['same-account', 'cross-account-user', 'cross-account-role'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type StringOrArray = string | string[];

/** `"*"` or e.g. `{ "Service": "logs.us-east-2.amazonaws.com" }`, `{ "AWS": ["arn:...", "123456789012"] }`. */
export type Principal = '*' | Record<string, StringOrArray>;

export type ConditionScalar = string | number | boolean;
export type ConditionValue = ConditionScalar | ConditionScalar[];
/** Operator (e.g. `StringEquals`) → condition key (e.g. `aws:SourceAccount`) → value(s). */
export type ConditionBlock = Record<string, Record<string, ConditionValue>>;

export type Effect = 'Allow' | 'Deny';

export interface Statement {
  Sid?: string;
  Effect: Effect;
  Principal?: Principal;
  NotPrincipal?: Principal;
  Action?: StringOrArray;
  NotAction?: StringOrArray;
  Resource?: StringOrArray;
  NotResource?: StringOrArray;
  Condition?: ConditionBlock;
}

export const POLICY_VERSION = '2012-10-17';
/** The only two versions IAM and S3 accept. */
export const KNOWN_VERSIONS: readonly string[] = ['2012-10-17', '2008-10-17'];

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: Statement[];
}

/** Input for every generator; the form schema (schema.ts) produces a compatible value. */
export interface PolicyInput {
  scenario: Scenario;
  bucket: string;
  region: string;
  /** Defaults to the partition the Region belongs to. */
  partition?: Partition;
  /** The account that owns the log groups and runs the export. */
  accountId: string;
  /** IAM user or role name in the exporting account (cross-account scenarios only). */
  exporterName?: string;
  /** Destination prefix; empty means the whole bucket. Leading and trailing slashes are ignored. */
  prefix?: string;
  /** Accounts whose log groups may write; defaults to `[accountId]`. */
  sourceAccounts?: string[];
  /** Adds `aws:SourceAccount` / `aws:SourceArn` conditions (on by default, as AWS now recommends). */
  confusedDeputy?: boolean;
}
