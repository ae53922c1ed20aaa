import type { CheckFinding, PolicyProblem } from '@/lib/policy';

// lib/policy reports problems and findings as codes with params; these turn them into a message key
// under the `policy` namespace and flat values ICU can format (lists joined, nulls named).

export interface MessageRef {
  key: string;
  values: Record<string, string | number>;
}

const LIST_SEPARATOR = ', ';

function flat(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) out[k] = v.map(String).join(LIST_SEPARATOR);
    else if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else if (v === null || v === undefined) out[k] = '';
    else out[k] = String(v);
  }
  return out;
}

/** `string-or-string-array` → `stringOrArray`: ICU select keywords cannot contain hyphens reliably. */
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function problemMessage(problem: PolicyProblem): MessageRef {
  const values = flat(problem.params as Record<string, unknown>);
  if (problem.code === 'invalid-json') {
    return {
      key: problem.params.found === '' ? 'parse.invalid-json-end' : 'parse.invalid-json',
      values: { line: problem.params.line, column: problem.params.column, found: problem.params.found },
    };
  }
  if (problem.code === 'wrong-type') {
    return {
      key: 'statement' in problem.params ? 'parse.wrong-type-in-statement' : 'parse.wrong-type',
      values: {
        ...values,
        expected: camel(problem.params.expected),
        statement: problem.params.statement ?? '',
      },
    };
  }
  if (problem.code === 'unknown-field') {
    return {
      key: 'statement' in problem.params ? 'parse.unknown-field-in-statement' : 'parse.unknown-field',
      values: { field: problem.params.field, statement: problem.params.statement ?? '' },
    };
  }
  if (problem.code === 'duplicate-sid') {
    return { key: 'parse.duplicate-sid', values: { ...values, first: problem.params.firstIndex + 1 } };
  }
  return { key: `parse.${problem.code}`, values };
}

/** Where the text editor should put the cursor for a problem, when the problem has a place. */
export function problemOffset(problem: PolicyProblem): number | null {
  return problem.code === 'invalid-json' ? problem.params.offset : null;
}

export function findingMessage(finding: CheckFinding): MessageRef {
  const values = flat(finding.params as Record<string, unknown>);
  if ('actual' in finding.params) {
    return {
      key: finding.params.actual === null ? `check.${finding.code}-absent` : `check.${finding.code}`,
      values,
    };
  }
  return { key: `check.${finding.code}`, values };
}

/** Every key findingMessage and problemMessage can return, so a test can prove each has a text. */
export const DESCRIBE_KEYS = {
  problems: [
    'parse.invalid-json',
    'parse.invalid-json-end',
    'parse.not-an-object',
    'parse.missing-statement',
    'parse.statement-invalid-type',
    'parse.empty-statement',
    'parse.unknown-version',
    'parse.unknown-field',
    'parse.unknown-field-in-statement',
    'parse.wrong-type',
    'parse.wrong-type-in-statement',
    'parse.statement-not-object',
    'parse.missing-effect',
    'parse.bad-effect',
    'parse.missing-action',
    'parse.missing-resource',
    'parse.missing-principal',
    'parse.conflicting-fields',
    'parse.duplicate-sid',
  ],
  findings: [
    'check.no-policy',
    'check.missing-get-bucket-acl',
    'check.missing-put-object',
    'check.denied-by-statement',
    'check.caller-put-object-missing',
    'check.caller-denied-by-statement',
    'check.wrong-region-principal',
    'check.wrong-bucket',
    'check.wrong-partition',
    'check.prefix-not-covered',
    'check.acl-condition-mismatch',
    'check.acl-condition-mismatch-absent',
    'check.source-account-mismatch',
    'check.source-account-mismatch-absent',
    'check.source-arn-mismatch',
    'check.source-arn-mismatch-absent',
    'check.condition-not-met',
    'check.condition-not-met-absent',
    'check.unsupported-condition',
  ],
} as const;
