import type { Caller } from './http-types';
import { evaluatePolicy, type PolicyDocument, PolicyError, type PolicyStatement } from './policy';

// A role's trust policy (AssumeRolePolicyDocument): checked as IAM checks it when it is stored, and evaluated
// as STS does for AssumeRole with the same evaluator the bucket policies use.

const asList = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** What IAM accepts as an `AWS` principal: `*`, an account id, or an IAM/STS ARN of an account. */
const AWS_PRINCIPAL =
  /^(\*|\d{12}|arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|user\/.+|role\/.+)|arn:aws(-cn|-us-gov)?:sts::\d{12}:assumed-role\/.+)$/;

/** Parses a trust policy; throws PolicyError with IAM's MalformedPolicyDocument words. */
export function parseTrustPolicy(text: string): PolicyDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PolicyError('This policy contains invalid Json');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyError('This policy contains invalid Json');
  }
  const doc = raw as Record<string, unknown>;
  if (doc.Statement === undefined) throw new PolicyError('Missing required field Statement');
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.length === 0) throw new PolicyError('Syntax errors in policy.');
  for (const st of statements) {
    if (typeof st !== 'object' || st === null) throw new PolicyError('Syntax errors in policy.');
    const s = st as Record<string, unknown>;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new PolicyError('Syntax errors in policy.');
    if (s.Resource !== undefined || s.NotResource !== undefined) {
      throw new PolicyError('Has prohibited field Resource');
    }
    if (s.Principal === undefined && s.NotPrincipal === undefined) {
      throw new PolicyError('Missing required field Principal');
    }
    if (s.Action === undefined && s.NotAction === undefined) {
      throw new PolicyError('Missing required field Action');
    }
    const principal = (s.Principal ?? s.NotPrincipal) as unknown;
    if (principal !== '*') {
      if (typeof principal !== 'object' || principal === null)
        throw new PolicyError('Syntax errors in policy.');
      for (const entry of asList((principal as Record<string, unknown>).AWS)) {
        if (!AWS_PRINCIPAL.test(entry))
          throw new PolicyError(`Invalid principal in policy: "AWS":"${entry}"`);
      }
    }
  }
  return { ...(doc as object), Statement: statements as PolicyStatement[] } as PolicyDocument;
}

/**
 * Whether the trust policy lets this caller assume the role: a statement naming the caller's account (id or
 * root ARN), its ARN or (for a session) its role's ARN, for `sts:AssumeRole`, whose conditions hold
 * (`sts:ExternalId` among them), and no Deny. Callers have no IAM policies of their own in the emulator, so an
 * account-wide trust is enough, as for an administrator.
 */
export function trustAllows(
  policyText: string,
  roleArn: string,
  caller: Pick<Caller, 'accountId' | 'principalArn' | 'principalArns'>,
  request: { externalId?: string; sessionName: string },
): boolean {
  let policy: PolicyDocument;
  try {
    policy = parseTrustPolicy(policyText);
  } catch {
    return false;
  }
  return (
    evaluatePolicy(policy, {
      principalType: 'AWS',
      principals: caller.principalArns,
      action: 'sts:AssumeRole',
      resource: roleArn,
      context: {
        'sts:ExternalId': request.externalId,
        'sts:RoleSessionName': request.sessionName,
        'aws:PrincipalAccount': caller.accountId,
        'aws:PrincipalArn': caller.principalArn,
      },
    }) === 'Allow'
  );
}
