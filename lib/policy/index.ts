// Public API of the policy library: pure functions usable in client components and on the server.

export {
  ACCOUNT_ID,
  type CentralArchiveInput,
  EXPORTER_ARN,
  generateCentralArchiveKmsStatements,
  generateCentralArchivePolicy,
  ORG_ID,
  type ResolvedMember,
  resolveMembers,
} from './central-archive';
export {
  type CentralArchiveFormInput,
  type CentralArchiveFormValues,
  centralArchiveFormSchema,
} from './central-archive-schema';
export { checkExportAccess, DEFAULT_EXPORT_PREFIX } from './check';
export type {
  ActionCheck,
  CheckCode,
  CheckFinding,
  CheckInput,
  CheckResult,
  RequiredAction,
  StatementRef,
} from './check-types';
export { formatPolicy, formatStatements } from './format';
export {
  EXPORT_TASK_ACTIONS,
  generateBucketPolicy,
  generateExporterIamPolicy,
  generateKmsKeyPolicyStatements,
  putBucketPolicyCommand,
  randomPrefix,
} from './generate';
export { type DiffLine, diffLines, diffPolicies, type MergeResult, mergePolicies } from './merge';
export {
  DEFAULT_EXPORTER_ROLE,
  LOGPORT_SID_PREFIX,
  logsPrincipal,
  normalizePrefix,
  principalArnOf,
  SID,
} from './names';
export {
  type ExpectedType,
  type ParseOptions,
  type ParseResult,
  type PolicyField,
  type PolicyProblem,
  type PolicyProblemCode,
  parsePolicy,
} from './parse';
export {
  accountIdSchema,
  bucketNameSchema,
  MAX_PREFIX_BYTES,
  POLICY_MESSAGE_KEY_LIST,
  POLICY_MESSAGE_KEYS,
  type PolicyFormInput,
  type PolicyFormValues,
  type PolicyMessageKey,
  partitionForRegion,
  policyFormSchema,
  prefixSchema,
  regionSchema,
} from './schema';
export * from './types';
