import { MAX_PREFIX_BYTES } from '@/lib/policy/schema';
import { hasForbiddenChars, hasPolicyWildcard } from '@/lib/text/free-text';
import { toWallTime } from '@/lib/time-range/zone';

/**
 * Destination prefix templates: `logs/{logGroup}/{yyyy}/{mm}/{dd}` → `logs/app/api/2026/11/24`. Pure; runs in
 * the browser (the form's preview) and on the server (the scheduler).
 */
export const PLACEHOLDERS = ['logGroup', 'account', 'region', 'yyyy', 'mm', 'dd', 'hh'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export const DEFAULT_TEMPLATE = 'logs/{logGroup}/{yyyy}/{mm}/{dd}';

const TOKEN = /\{([^{}]*)\}/g;

/** Message keys under `rules.errors` for what is wrong with a template itself (not with one log group). */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const t = template.trim();
  if (t.startsWith('/')) problems.push('rules.errors.templateLeadingSlash');
  for (const m of t.matchAll(TOKEN)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')) {
      problems.push('rules.errors.templateUnknownPlaceholder');
      break;
    }
  }
  if (/[{}]/.test(t.replace(TOKEN, ''))) problems.push('rules.errors.templateBraces');
  if (t.split('/').some((seg) => seg === '.' || seg === '..'))
    problems.push('rules.errors.templateTraversal');
  if (hasForbiddenChars(t)) problems.push('rules.errors.templateControlChars');
  if (hasPolicyWildcard(t.replace(TOKEN, ''))) problems.push('rules.errors.templateWildcard');
  if (new TextEncoder().encode(t).length > MAX_PREFIX_BYTES) problems.push('rules.errors.templateTooLong');
  return problems;
}

/**
 * A log group name as key segments: its `/` kept as separators, the leading `/` dropped, empty segments
 * collapsed. Null when a segment is `.` or `..` (S3 keys allow them, but tools that copy to a file system
 * would climb out of the folder).
 */
export function logGroupPath(name: string): string | null {
  const segments = name.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  return segments.join('/');
}

export type TemplateValues = {
  logGroup: string;
  account: string;
  region: string;
  /** Window start (epoch ms), shown in `timeZone`. */
  windowStart: number;
  timeZone: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The prefix for one log group and window, or null when the log group's name cannot be used for `{logGroup}`
 * or the result is too long for a key or holds a `.` or `..` folder. Empty segments are collapsed, so
 * `logs/{logGroup}/` never makes `//`.
 */
export function renderPrefix(template: string, v: TemplateValues): string | null {
  const group = logGroupPath(v.logGroup);
  if (group === null) return null;
  const w = toWallTime(v.windowStart, v.timeZone);
  const values: Record<Placeholder, string> = {
    logGroup: group,
    account: v.account,
    region: v.region,
    yyyy: String(w.year),
    mm: pad(w.month),
    dd: pad(w.day),
    hh: pad(w.hour),
  };
  const segments = template
    .trim()
    .replace(TOKEN, (_, name: string) => values[name as Placeholder] ?? '')
    .split('/')
    .filter((s) => s !== '');
  // The template's own segments were checked, but `{logGroup}` can render empty (a group named `/`), so
  // `.{logGroup}` would leave `.` and `.{logGroup}.` `..`: check what was rendered too.
  if (segments.some((s) => s === '.' || s === '..')) return null;
  const rendered = segments.join('/');
  if (rendered === '') return 'exportedlogs';
  if (new TextEncoder().encode(rendered).length > MAX_PREFIX_BYTES) return null;
  return rendered;
}
