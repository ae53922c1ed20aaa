import { DOCUMENT_KEYS, STATEMENT_KEYS } from './format';
import { locateJsonError } from './json-error';
import { KNOWN_VERSIONS, type PolicyDocument } from './types';

// Problems are codes with params; the UI turns them into English or Japanese. `statement` is a
// ready-made label for the statement: its Sid, or `#n` (1-based) when it has none.
type At = { index: number; sid?: string; statement: string };

export type PolicyField =
  | 'Version'
  | 'Id'
  | 'Statement'
  | 'Sid'
  | 'Effect'
  | 'Principal'
  | 'NotPrincipal'
  | 'Action'
  | 'NotAction'
  | 'Resource'
  | 'NotResource'
  | 'Condition';

export type ExpectedType = 'string' | 'string-or-string-array' | 'principal' | 'condition';

export type PolicyProblem =
  | { code: 'invalid-json'; params: { line: number; column: number; offset: number; found: string } }
  | { code: 'not-an-object'; params: { found: 'array' | 'string' | 'number' | 'boolean' | 'null' } }
  | { code: 'missing-statement'; params: Record<string, never> }
  | { code: 'statement-invalid-type'; params: Record<string, never> }
  | { code: 'empty-statement'; params: Record<string, never> }
  | { code: 'unknown-version'; params: { value: string; known: string[] } }
  | { code: 'unknown-field'; params: { field: string } & Partial<At> }
  | { code: 'wrong-type'; params: { field: PolicyField; expected: ExpectedType } & Partial<At> }
  | { code: 'statement-not-object'; params: At }
  | { code: 'missing-effect'; params: At }
  | { code: 'bad-effect'; params: At & { value: string } }
  | { code: 'missing-action'; params: At }
  | { code: 'missing-resource'; params: At }
  | { code: 'missing-principal'; params: At }
  | { code: 'conflicting-fields'; params: At & { field: PolicyField; other: PolicyField } }
  | { code: 'duplicate-sid'; params: At & { sid: string; firstIndex: number } };

export type PolicyProblemCode = PolicyProblem['code'];

export type ParseResult =
  | { ok: true; policy: PolicyDocument }
  | { ok: false; error: PolicyProblem; problems: PolicyProblem[] };

export interface ParseOptions {
  /** Bucket and key policies need a Principal; identity policies must not have one. Default true. */
  requirePrincipal?: boolean;
}

const DOCUMENT_FIELDS = new Set(DOCUMENT_KEYS);
const STATEMENT_FIELDS = new Set(STATEMENT_KEYS);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isStringOrArray = (v: unknown) =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
const isPrincipal = (v: unknown) => v === '*' || (isObject(v) && Object.values(v).every(isStringOrArray));
const isCondition = (v: unknown) =>
  isObject(v) &&
  Object.values(v).every(
    (block) =>
      isObject(block) &&
      Object.values(block).every((x) => isScalar(x) || (Array.isArray(x) && x.every(isScalar))),
  );

function kindOf(v: unknown): 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'string' | 'number' | 'boolean';
}

function checkStatement(raw: unknown, index: number, options: ParseOptions, out: PolicyProblem[]) {
  const base = { index, statement: `#${index + 1}` };
  if (!isObject(raw)) {
    out.push({ code: 'statement-not-object', params: base });
    return;
  }
  const sid = typeof raw.Sid === 'string' ? raw.Sid : undefined;
  const at: At = sid === undefined ? base : { index, sid, statement: sid };
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_FIELDS.has(key)) out.push({ code: 'unknown-field', params: { ...at, field: key } });
  }
  const typed = (field: PolicyField, ok: (v: unknown) => boolean, expected: ExpectedType) => {
    if (raw[field] !== undefined && !ok(raw[field]))
      out.push({ code: 'wrong-type', params: { ...at, field, expected } });
  };
  typed('Sid', (v) => typeof v === 'string', 'string');
  if (raw.Effect === undefined) out.push({ code: 'missing-effect', params: at });
  else if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny')
    out.push({ code: 'bad-effect', params: { ...at, value: String(JSON.stringify(raw.Effect)) } });
  for (const [field, other] of [
    ['Action', 'NotAction'],
    ['Resource', 'NotResource'],
    ['Principal', 'NotPrincipal'],
  ] as const) {
    const isPrincipalField = field === 'Principal';
    typed(
      field,
      isPrincipalField ? isPrincipal : isStringOrArray,
      isPrincipalField ? 'principal' : 'string-or-string-array',
    );
    typed(
      other,
      isPrincipalField ? isPrincipal : isStringOrArray,
      isPrincipalField ? 'principal' : 'string-or-string-array',
    );
    if (raw[field] !== undefined && raw[other] !== undefined)
      out.push({ code: 'conflicting-fields', params: { ...at, field, other } });
  }
  typed('Condition', isCondition, 'condition');
  if (raw.Action === undefined && raw.NotAction === undefined)
    out.push({ code: 'missing-action', params: at });
  if (raw.Resource === undefined && raw.NotResource === undefined)
    out.push({ code: 'missing-resource', params: at });
  if ((options.requirePrincipal ?? true) && raw.Principal === undefined && raw.NotPrincipal === undefined)
    out.push({ code: 'missing-principal', params: at });
}

/** Parses and validates a policy document; on success Statement is always an array. */
export function parsePolicy(text: string, options: ParseOptions = {}): ParseResult {
  // Editors and some downloads add a byte-order mark that JSON.parse rejects.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const at = locateJsonError(source) ?? { offset: 0, line: 1, column: 1, found: '' };
    const problem: PolicyProblem = { code: 'invalid-json', params: at };
    return { ok: false, error: problem, problems: [problem] };
  }
  const problems: PolicyProblem[] = [];
  if (!isObject(value)) {
    const problem: PolicyProblem = { code: 'not-an-object', params: { found: kindOf(value) } };
    return { ok: false, error: problem, problems: [problem] };
  }
  for (const key of Object.keys(value)) {
    if (!DOCUMENT_FIELDS.has(key)) problems.push({ code: 'unknown-field', params: { field: key } });
  }
  if (value.Version !== undefined) {
    if (typeof value.Version !== 'string')
      problems.push({ code: 'wrong-type', params: { field: 'Version', expected: 'string' } });
    else if (!KNOWN_VERSIONS.includes(value.Version))
      problems.push({
        code: 'unknown-version',
        params: { value: value.Version, known: [...KNOWN_VERSIONS] },
      });
  }
  if (value.Id !== undefined && typeof value.Id !== 'string')
    problems.push({ code: 'wrong-type', params: { field: 'Id', expected: 'string' } });

  let statements: unknown[] = [];
  if (value.Statement === undefined) problems.push({ code: 'missing-statement', params: {} });
  else if (Array.isArray(value.Statement)) statements = value.Statement;
  else if (isObject(value.Statement)) statements = [value.Statement];
  else problems.push({ code: 'statement-invalid-type', params: {} });
  if (Array.isArray(value.Statement) && statements.length === 0)
    problems.push({ code: 'empty-statement', params: {} });

  const firstBySid = new Map<string, number>();
  statements.forEach((raw, index) => {
    checkStatement(raw, index, options, problems);
    const sid = isObject(raw) && typeof raw.Sid === 'string' ? raw.Sid : undefined;
    if (sid === undefined || sid === '') return;
    const first = firstBySid.get(sid);
    if (first === undefined) firstBySid.set(sid, index);
    else problems.push({ code: 'duplicate-sid', params: { index, sid, statement: sid, firstIndex: first } });
  });

  const [first] = problems;
  if (first) return { ok: false, error: first, problems };
  // Every field was checked above, so the shape now matches PolicyDocument.
  const policy = { ...value, Statement: statements } as unknown as PolicyDocument;
  return { ok: true, policy };
}
