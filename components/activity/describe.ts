import type { ActivityEntry } from '@/lib/audit';

/**
 * An activity entry in words: the lines of its "What" (with links to the task, batch, job or rule it names),
 * the same on the page and in the CSV download. Pure, so a test renders every action in every language.
 */
export type Line = { text: string; href?: string; kind?: 'mono' | 'muted' | 'error' };

export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export type Formatters = {
  range(from: number, to: number): string;
  dateTime(ms: number): string;
  list(items: string[]): string;
};

// The account is optional here: entries recorded before accounts existed have none (the default account).
type Entry = Pick<ActivityEntry, 'action' | 'target' | 'region' | 'outcome' | 'detail'> &
  Partial<Pick<ActivityEntry, 'account'>>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
// Ids go into paths: only what our ids are made of, so a recorded value can never make another link.
const safeId = (v: unknown): string | null => {
  const s = str(v);
  return s && /^[A-Za-z0-9._-]{1,128}$/.test(s) ? s : null;
};

export const taskHref = (taskId: string) => `/exports/${encodeURIComponent(taskId)}`;
export const batchHref = (batchId: string) => `/queue?batch=${encodeURIComponent(batchId)}`;
export const jobHref = (jobId: string) => `/queue?job=${encodeURIComponent(jobId)}`;
export const ruleHref = (ruleId: string) => `/rules/${encodeURIComponent(ruleId)}`;

/** Every placeholder an error message may use, from what the entry recorded (absent ones stay empty). */
function errorParams(d: Record<string, unknown>, target: string | null, bucket: string | null) {
  const recorded =
    typeof d.errorParams === 'object' && d.errorParams !== null
      ? (d.errorParams as Record<string, unknown>)
      : {};
  const params: Record<string, string> = {
    bucket: bucket ?? '',
    logGroup: str(d.logGroup) ?? str(d.logGroupName) ?? '',
    taskName: str(d.taskName) ?? target ?? '',
    taskId: '',
    name: '',
  };
  for (const [k, v] of Object.entries(recorded))
    if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
  return params;
}

export function describeActivity(entry: Entry, t: Translate, te: Translate, f: Formatters): Line[] {
  const d = entry.detail ?? {};
  const lines: Line[] = [];
  const push = (key: string, values?: Record<string, string | number>, extra: Omit<Line, 'text'> = {}) =>
    lines.push({ text: t(key, values), ...extra });
  const group = str(d.logGroup) ?? str(d.logGroupName);
  const bucket = str(d.destination) ?? str(d.bucket);
  const from = num(d.from);
  const to = num(d.to);
  const jobId = safeId(d.jobId);
  const ruleId = safeId(d.ruleId);
  const target = entry.target;

  const taskLine = (taskId: string | null) => {
    if (taskId) push('what.task', { taskId }, { href: taskHref(taskId) });
  };
  const groupLine = () => {
    if (group) push('what.logGroup', { logGroup: group });
  };
  const rangeLine = () => {
    if (from !== null && to !== null && from <= to) push('what.range', { range: f.range(from, to) });
  };
  const bucketLine = () => {
    if (!bucket) return;
    const prefix = str(d.destinationPrefix);
    push(prefix ? 'what.toBucketPrefix' : 'toBucket', prefix ? { bucket, prefix } : { bucket });
  };
  const jobLine = () => {
    if (jobId) push('what.inQueue', undefined, { href: jobHref(jobId) });
  };
  const ruleLine = (linked: boolean) => {
    if (target) push('what.rule', { name: target }, linked && ruleId ? { href: ruleHref(ruleId) } : {});
  };
  const nameLine = (name: string | null) => {
    if (name) lines.push({ text: name, kind: 'mono' });
  };

  switch (entry.action) {
    case 'export.launch': {
      // A launched export records its task id as the target; one refused before AWS made a task, its name.
      const taskId = safeId(d.taskId) ?? (entry.outcome === 'ok' ? safeId(target) : null);
      taskLine(taskId);
      nameLine(str(d.taskName) ?? (taskId ? null : target));
      groupLine();
      rangeLine();
      bucketLine();
      jobLine();
      break;
    }
    case 'export.cancel':
      taskLine(safeId(target));
      break;
    case 'queue.enqueue': {
      push('enqueued', { count: num(d.jobs) ?? 0, groups: f.list(strings(d.logGroups)) });
      rangeLine();
      bucketLine();
      const batchId = safeId(target);
      if (batchId) push('what.showBatch', undefined, { href: batchHref(batchId) });
      break;
    }
    case 'queue.cancel':
      nameLine(target);
      groupLine();
      if (d.requested === true) push('what.cancelRequested', { state: str(d.state) ?? 'other' });
      else push('what.cancelledQueued');
      jobLine();
      break;
    case 'queue.cancelBatch': {
      push('what.batchCancelled', { count: num(d.jobs) ?? 0 });
      const batchId = safeId(d.batchId) ?? safeId(target);
      if (batchId) push('what.showBatch', undefined, { href: batchHref(batchId) });
      break;
    }
    case 'queue.retry':
      if (ruleId) {
        ruleLine(true);
        push('what.ruleRetried', { count: num(d.jobs) ?? 0 });
        break;
      }
      nameLine(target);
      groupLine();
      if (safeId(d.previousTaskId)) {
        const previous = safeId(d.previousTaskId) ?? '';
        push('what.previousTask', { taskId: previous }, { href: taskHref(previous) });
      }
      jobLine();
      break;
    case 'queue.pause':
    case 'queue.resume':
      push('what.wholeQueue');
      break;
    case 'policy.apply':
      if (target) push('what.bucket', { bucket: target });
      if (entry.outcome === 'ok' && num(d.statements) !== null)
        push('what.policyApplied', {
          count: num(d.statements) ?? 0,
          replaced: d.replacedExisting === true ? 'yes' : 'no',
        });
      break;
    case 'settings.change':
      settingLine(lines, t, target, str(d.from), str(d.to));
      break;
    case 'rule.create':
    case 'rule.update':
    case 'rule.delete':
    case 'rule.enable':
    case 'rule.disable':
    case 'rule.run': {
      ruleLine(entry.action !== 'rule.delete');
      if (entry.action === 'rule.create' && str(d.every) && bucket)
        push('what.ruleSchedule', { every: str(d.every) ?? '', bucket });
      const changed = strings(d.changed);
      if (entry.action === 'rule.update')
        push(changed.length > 0 ? 'what.ruleChanged' : 'what.ruleUnchanged', {
          fields: f.list(changed.map((k) => (t.has(`ruleFields.${k}`) ? t(`ruleFields.${k}`) : k))),
        });
      if (entry.action === 'rule.run') push('what.ruleRun');
      break;
    }
    case 'coverage.fill':
      push('what.gapsFilled', { count: num(d.jobs) ?? 0, groups: f.list(strings(d.logGroups)) });
      break;
    case 'auth.locked': {
      const until = num(d.until);
      const values = {
        key: target ?? '',
        failures: num(d.failures) ?? 0,
        until: until ? f.dateTime(until) : '',
      };
      if (d.scope === 'address') {
        push('what.lockedAddress', values);
        if (str(d.userName)) push('what.lastUserName', { name: str(d.userName) ?? '' });
      } else {
        push('what.lockedUser', values);
        if (str(d.address)) push('what.lastAddress', { address: str(d.address) ?? '' });
      }
      break;
    }
    case 'session.end': {
      const since = num(d.since);
      push('what.sessionEnded', {
        name: target ?? '',
        role: str(d.role) ?? 'other',
        since: since ? f.dateTime(since) : '',
      });
      if (str(d.address)) push('what.lastAddress', { address: str(d.address) ?? '' });
      break;
    }
    case 'webhook.create':
    case 'webhook.delete':
    case 'webhook.test': {
      // The target is the webhook's origin only: its whole URL can be a credential (a Slack webhook).
      if (target) push('what.webhook', { url: target });
      if (entry.action === 'webhook.create')
        push('what.webhookSends', {
          format: str(d.format) ?? 'json',
          events: f.list(strings(d.events)),
          signed: d.signed === true ? 'yes' : 'no',
        });
      if (entry.action === 'webhook.test' && entry.outcome === 'ok')
        push('what.webhookDelivered', { status: num(d.status) ?? 0, ms: num(d.durationMs) ?? 0 });
      break;
    }
    case 'token.create':
    case 'token.revoke': {
      // Named by its name and public id; the token itself and its hash are never recorded.
      const accounts = d.accounts === '*' ? t('what.tokenAllAccounts') : f.list(strings(d.accounts));
      push('what.token', { name: target ?? '', id: safeId(d.tokenId) ?? '' });
      if (entry.action === 'token.create') {
        const expiresAt = num(d.expiresAt);
        push('what.tokenGrants', {
          role: str(d.role) ?? 'other',
          accounts,
          expires: expiresAt ? f.dateTime(expiresAt) : 'never',
        });
      }
      break;
    }
    default:
      nameLine(target);
  }

  const notes = [
    // The page mixes every account the reader may reach: each entry names its own (issue 16).
    entry.account ? t('account', { account: entry.account }) : null,
    entry.region ? t('region', { region: entry.region }) : null,
    d.via === 'queue' ? t('viaQueue') : null,
    d.adopted === true ? t('adopted') : null,
    d.recovered === true ? t('recovered') : null,
  ].filter((n): n is string => n !== null);
  if (notes.length > 0) lines.push({ text: notes.join(' · '), kind: 'muted' });
  const error = str(d.error);
  if (error)
    lines.push({
      text: t('errorCode', { reason: te.has(error) ? te(error, errorParams(d, target, bucket)) : error }),
      kind: 'error',
    });
  return lines;
}

/** A setting's change as a sentence: its name and both values in words ("When an export fails: …"). */
function settingLine(
  lines: Line[],
  t: Translate,
  name: string | null,
  from: string | null,
  to: string | null,
) {
  if (!name || !from || !to) return;
  const key = `settings.${name.replace(/\./g, '_')}`;
  const word = (value: string) => (t.has(`${key}.${value}`) ? t(`${key}.${value}`) : value);
  lines.push({
    text: t('setting', {
      name: t.has(`${key}.name`) ? t(`${key}.name`) : name,
      from: word(from),
      to: word(to),
    }),
  });
}
