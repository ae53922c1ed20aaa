import {
  type CentralArchiveFormInput,
  centralArchiveFormSchema,
  formatPolicy,
  formatStatements,
  generateBucketPolicy,
  generateCentralArchiveKmsStatements,
  generateCentralArchivePolicy,
  generateExporterIamPolicy,
  generateKmsKeyPolicyStatements,
  type PolicyDocument,
  type PolicyFormInput,
  policyFormSchema,
  putBucketPolicyCommand,
} from '@/lib/policy';
import { type GeneratorState, memberEntries, splitAccounts } from './form-state';

// The generator's outputs from a valid form. This module carries the zod schema, so the page loads it
// right after its first paint (see policy-generator.tsx) instead of in its first-load JavaScript.

export interface GeneratedOutputs {
  input: { bucket: string; region: string; exporterName?: string };
  policy: PolicyDocument;
  policyText: string;
  command: string;
  /** The exporting identity's policy: the cross-account scenarios and the central archive (each member's role). */
  iamPolicyText: string | null;
  kmsText: string;
}

export type GenerateResult =
  | { ok: true; outputs: GeneratedOutputs }
  /** Field name → message keys (`policy.errors.*`), first one per field is what the form shows. */
  | { ok: false; fieldErrors: Record<string, string[]> };

type Issues = { issues: { path: PropertyKey[]; message: string }[] };

/** Schema path → the form's field (`rename` where the schema's name differs from the state's). */
function fieldErrorsOf(error: Issues, rename: Record<string, string> = {}): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = String(issue.path[0] ?? 'form');
    const field = rename[path] ?? path;
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return fieldErrors;
}

function archiveOutputs(input: CentralArchiveFormInput): GeneratedOutputs {
  const policy = generateCentralArchivePolicy(input);
  // The members' roles need the same permissions as any exporter's: the bucket and prefix are all it depends on.
  const iam = generateExporterIamPolicy({
    scenario: 'cross-account-role',
    bucket: input.bucket,
    region: input.region,
    partition: input.partition,
    accountId: '',
    prefix: input.prefix,
  });
  return {
    input,
    policy,
    policyText: formatPolicy(policy),
    command: putBucketPolicyCommand(input.bucket, { region: input.region }),
    iamPolicyText: formatPolicy(iam),
    kmsText: formatStatements(generateCentralArchiveKmsStatements(input)),
  };
}

/** Validates with the same zod schema the server uses, then runs every generator. */
export function generateOutputs(state: GeneratorState): GenerateResult {
  if (state.scenario === 'central-archive') {
    const parsed = centralArchiveFormSchema.safeParse({
      bucket: state.bucket,
      region: state.region,
      partition: state.partition,
      members: memberEntries(state),
      exporterRole: state.exporterRole,
      sourceOrgId: state.orgId,
      prefix: state.prefix,
    });
    return parsed.success
      ? { ok: true, outputs: archiveOutputs(parsed.data) }
      : { ok: false, fieldErrors: fieldErrorsOf(parsed.error, { sourceOrgId: 'orgId' }) };
  }
  const parsed = policyFormSchema.safeParse({
    scenario: state.scenario,
    bucket: state.bucket,
    region: state.region,
    partition: state.partition,
    accountId: state.accountId,
    exporterName: state.scenario === 'same-account' ? undefined : state.exporterName,
    prefix: state.prefix,
    sourceAccounts: splitAccounts(state.sourceAccounts),
    confusedDeputy: state.confusedDeputy,
  });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const input: PolicyFormInput = parsed.data;
  const policy = generateBucketPolicy(input);
  return {
    ok: true,
    outputs: {
      input,
      policy,
      policyText: formatPolicy(policy),
      command: putBucketPolicyCommand(input.bucket, { region: input.region }),
      iamPolicyText:
        input.scenario === 'same-account' ? null : formatPolicy(generateExporterIamPolicy(input)),
      kmsText: formatStatements(generateKmsKeyPolicyStatements(input)),
    },
  };
}
