import type { PolicyDocument, Statement } from './types';

// A fixed key order makes the text identical however the object was built (generated, parsed,
// merged), which keeps copy/paste, idempotence checks and line diffs meaningful.
export const DOCUMENT_KEYS = ['Version', 'Id', 'Statement'];
export const STATEMENT_KEYS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

function ordered<T extends object>(value: T, keys: string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source))
    if (!(key in out) && source[key] !== undefined) out[key] = source[key];
  return out;
}

export function canonicalStatement(statement: Statement): Record<string, unknown> {
  return ordered(statement, STATEMENT_KEYS);
}

export function canonicalPolicy(policy: PolicyDocument): Record<string, unknown> {
  const doc = ordered(policy, DOCUMENT_KEYS);
  doc.Statement = policy.Statement.map(canonicalStatement);
  return doc;
}

/** Pretty JSON (2-space indent, stable key order), ready for `file://policy.json`. */
export function formatPolicy(policy: PolicyDocument): string {
  return JSON.stringify(canonicalPolicy(policy), null, 2);
}

export function formatStatements(statements: Statement[]): string {
  return JSON.stringify(statements.map(canonicalStatement), null, 2);
}
