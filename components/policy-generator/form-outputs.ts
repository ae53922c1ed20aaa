import {
  formatPolicy,
  formatStatements,
  generateBucketPolicy,
  generateExporterIamPolicy,
  generateKmsKeyPolicyStatements,
  type PolicyDocument,
  type PolicyFormInput,
  policyFormSchema,
  putBucketPolicyCommand,
} from '@/lib/policy';
import { type GeneratorState, splitAccounts } from './form-state';

// The generator's outputs from a valid form. This module carries the zod schema, so the page loads it
// right after its first paint (see policy-generator.tsx) instead of in its first-load JavaScript.

export interface GeneratedOutputs {
  input: PolicyFormInput;
  policy: PolicyDocument;
  policyText: string;
  command: string;
  /** Only for the cross-account scenarios. */
  iamPolicyText: string | null;
  kmsText: string;
}

export type GenerateResult =
  | { ok: true; outputs: GeneratedOutputs }
  /** Field name → message keys (`policy.errors.*`), first one per field is what the form shows. */
  | { ok: false; fieldErrors: Record<string, string[]> };

/** Validates with the same zod schema the server uses, then runs every generator. */
export function generateOutputs(state: GeneratorState): GenerateResult {
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
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    return { ok: false, fieldErrors };
  }
  const input = parsed.data;
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
