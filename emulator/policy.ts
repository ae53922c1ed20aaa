// A small IAM policy evaluator for S3 bucket policies: enough to decide whether CloudWatch Logs may
// check and write a bucket, the way S3 would (explicit Deny wins, otherwise an Allow is needed).

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

export interface RequestContext {
  /** `Service` for service principals, `AWS` for IAM identities (ARNs). */
  principalType: 'Service' | 'AWS';
  /** Every name the caller answers to, e.g. `logs.us-east-2.amazonaws.com` and `logs.amazonaws.com`. */
  principals: string[];
  action: string;
  resource: string;
  context: Record<string, string | string[] | undefined>;
}

export type Decision = 'Allow' | 'Deny' | 'ImplicitDeny';

export class PolicyError extends Error {}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((v) => String(v));
  return [String(value)];
}

/** Parses and checks the structure S3 insists on; throws PolicyError with S3's message. */
export function parsePolicy(text: string): PolicyDocument {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{'))
    throw new PolicyError("Policies must be valid JSON and the first byte must be '{'");
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    throw new PolicyError('This policy contains invalid Json');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PolicyError('This policy contains invalid Json');
  }
  const doc = raw as Record<string, unknown>;
  if (doc.Statement === undefined) throw new PolicyError('Missing required field Statement');
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (statements.length === 0) throw new PolicyError('Could not parse policy: Statement is empty!');
  for (const st of statements) {
    if (typeof st !== 'object' || st === null) throw new PolicyError('This policy contains invalid Json');
    const s = st as Record<string, unknown>;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
      throw new PolicyError(`Invalid effect: ${String(s.Effect)}`);
    if (s.Principal === undefined && s.NotPrincipal === undefined) {
      throw new PolicyError('Missing required field Principal');
    }
    if (s.Action === undefined && s.NotAction === undefined)
      throw new PolicyError('Missing required field Action');
    if (s.Resource === undefined && s.NotResource === undefined) {
      throw new PolicyError('Missing required field Resource');
    }
    for (const a of [...asList(s.Action), ...asList(s.NotAction)]) {
      if (a !== '*' && !/^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/.test(a))
        throw new PolicyError('Policy has invalid action');
    }
    for (const r of [...asList(s.Resource), ...asList(s.NotResource)]) {
      if (r !== '*' && !r.startsWith('arn:')) throw new PolicyError('Policy has invalid resource');
    }
  }
  return { ...(doc as object), Statement: statements as PolicyStatement[] } as PolicyDocument;
}

const globCache = new Map<string, RegExp>();

/** IAM wildcards: `*` any run of characters, `?` exactly one. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const cacheKey = (ignoreCase ? 'i:' : 's:') + pattern;
  let re = globCache.get(cacheKey);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (globCache.size > 5000) globCache.clear();
    globCache.set(cacheKey, re);
  }
  return re.test(value);
}

function principalMatches(principal: unknown, ctx: RequestContext): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const p = principal as Record<string, unknown>;
  if (asList(p.AWS).includes('*')) return true;
  if (ctx.principalType === 'Service') {
    return asList(p.Service).some((s) => ctx.principals.includes(s));
  }
  return asList(p.AWS).some((entry) =>
    ctx.principals.some((arn) => {
      if (entry === arn) return true;
      const account = arn.split(':')[4];
      return entry === account || entry === `arn:aws:iam::${account}:root`;
    }),
  );
}

function actionMatches(patterns: string[], action: string): boolean {
  return patterns.some((p) => p === '*' || globMatch(p, action, true));
}

function resourceMatches(patterns: string[], resource: string): boolean {
  return patterns.some((p) => p === '*' || globMatch(p, resource));
}

type Comparator = (expected: string, actual: string) => boolean;

const comparators: Record<string, { test: Comparator; negate: boolean }> = {
  StringEquals: { test: (e, a) => e === a, negate: false },
  StringNotEquals: { test: (e, a) => e === a, negate: true },
  StringEqualsIgnoreCase: { test: (e, a) => e.toLowerCase() === a.toLowerCase(), negate: false },
  StringNotEqualsIgnoreCase: { test: (e, a) => e.toLowerCase() === a.toLowerCase(), negate: true },
  StringLike: { test: (e, a) => globMatch(e, a), negate: false },
  StringNotLike: { test: (e, a) => globMatch(e, a), negate: true },
  ArnEquals: { test: (e, a) => e === a, negate: false },
  ArnNotEquals: { test: (e, a) => e === a, negate: true },
  ArnLike: { test: (e, a) => arnLike(e, a), negate: false },
  ArnNotLike: { test: (e, a) => arnLike(e, a), negate: true },
  Bool: { test: (e, a) => e.toLowerCase() === a.toLowerCase(), negate: false },
};

/** ARN matching compares the six colon-separated parts one by one, so `*` cannot cross a colon early. */
function arnLike(pattern: string, arn: string): boolean {
  const p = pattern.split(':');
  const a = arn.split(':');
  if (p.length < 6 || a.length < 6) return globMatch(pattern, arn);
  const head = (parts: string[]) => parts.slice(0, 5);
  const tail = (parts: string[]) => parts.slice(5).join(':');
  return head(p).every((part, i) => globMatch(part, a[i] ?? '')) && globMatch(tail(p), tail(a));
}

/** Unknown operators never match, so a policy we cannot read does not grant access. */
function conditionHolds(operator: string, key: string, expected: unknown, ctx: RequestContext): boolean {
  let op = operator;
  let setMode: 'any' | 'all' | undefined;
  if (op.startsWith('ForAnyValue:')) {
    setMode = 'any';
    op = op.slice('ForAnyValue:'.length);
  } else if (op.startsWith('ForAllValues:')) {
    setMode = 'all';
    op = op.slice('ForAllValues:'.length);
  }
  const ifExists = op.endsWith('IfExists');
  if (ifExists) op = op.slice(0, -'IfExists'.length);
  const actualRaw = Object.entries(ctx.context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
  const expectedValues = asList(expected);
  if (op === 'Null') {
    const wantsMissing = expectedValues[0]?.toLowerCase() === 'true';
    return wantsMissing === (actualRaw === undefined);
  }
  if (actualRaw === undefined) {
    if (ifExists) return true;
    if (setMode === 'all') return true;
    return comparators[op]?.negate ?? false;
  }
  const cmp = comparators[op];
  if (!cmp) return false;
  const actuals = asList(actualRaw);
  const matchesOne = (actual: string) => expectedValues.some((e) => cmp.test(e, actual));
  if (cmp.negate) {
    // Negated operators hold only when no expected value matches.
    return setMode === 'any' ? actuals.some((a) => !matchesOne(a)) : actuals.every((a) => !matchesOne(a));
  }
  return setMode === 'all' ? actuals.every(matchesOne) : actuals.some(matchesOne);
}

function statementApplies(st: PolicyStatement, ctx: RequestContext): boolean {
  if (st.Principal !== undefined && !principalMatches(st.Principal, ctx)) return false;
  if (st.NotPrincipal !== undefined && principalMatches(st.NotPrincipal, ctx)) return false;
  if (st.Action !== undefined && !actionMatches(asList(st.Action), ctx.action)) return false;
  if (st.NotAction !== undefined && actionMatches(asList(st.NotAction), ctx.action)) return false;
  if (st.Resource !== undefined && !resourceMatches(asList(st.Resource), ctx.resource)) return false;
  if (st.NotResource !== undefined && resourceMatches(asList(st.NotResource), ctx.resource)) return false;
  for (const [operator, entries] of Object.entries(st.Condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      if (!conditionHolds(operator, key, expected, ctx)) return false;
    }
  }
  return true;
}

export function evaluatePolicy(policy: PolicyDocument | undefined, ctx: RequestContext): Decision {
  if (!policy) return 'ImplicitDeny';
  let allowed = false;
  for (const st of policy.Statement) {
    if (!statementApplies(st, ctx)) continue;
    if (st.Effect === 'Deny') return 'Deny';
    allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}
