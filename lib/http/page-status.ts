import 'server-only';
import { ACCOUNT_COOKIE, REGION_COOKIE, resolveScopeFrom } from '@/lib/accounts/scope';
import type { Scope } from '@/lib/accounts/types';
import type { Caller } from '@/lib/auth/caller';
import { mapAwsError } from '@/lib/aws/errors';
import { listExportTasks } from '@/lib/export-tasks/list';
import { awsTaskId, parseView } from '@/lib/export-tasks/table-state';
import { RULE_ID } from '@/lib/rules/id';
import { getRule } from '@/lib/rules/service';

/**
 * The HTTP status of a page whose answer depends on AWS, decided before the page renders (issue 14 point 9).
 *
 * Why here and not in the page: a page answers in a stream, and the stream starts (with `200`) as soon as a
 * loading.tsx skeleton or a Suspense fallback is ready, before the page has asked AWS anything. After that,
 * `notFound()` can only add `<meta name="robots" content="noindex">`, and an AWS failure can only render
 * error.tsx, both under a 200 (Next.js docs, loading.js "Status codes" and the Streaming guide's "HTTP
 * contract"). Next's documented way to answer 404 at request time is Proxy, before rendering. So the proxy asks
 * AWS the same question the page will ask, through the same shared, coalesced answer (lib/export-tasks/list.ts):
 * the page then gets that answer from memory and AWS sees one call, as before. The skeletons stay: they still
 * show on client-side navigations, where no HTTP status is involved.
 *
 * Answers: 404 for an export id AWS does not know, or a rule id the store does not hold for this caller; 503
 * (with Retry-After) when AWS is unreachable, throttled or failing, 502 when it refuses Logport (credentials,
 * permissions), the same split as the API routes; null when the page answers 200 as usual.
 */
export type PageStatus = { status: 404 | 502 | 503; retryAfterSeconds?: number };

const RETRY_AFTER_SECONDS = 5;

type Cookies = { get(name: string): { value: string } | undefined };

/** The (account, Region) the page will render in: the URL's choice, else the remembered one (cookies). */
async function scopeOf(url: URL, cookies: Cookies): Promise<Scope | null> {
  const result = await resolveScopeFrom(
    { account: url.searchParams.get('account'), region: url.searchParams.get('region') },
    {
      account: cookies.get(ACCOUNT_COOKIE)?.value ?? null,
      region: cookies.get(REGION_COOKIE)?.value ?? null,
    },
  );
  return result.ok ? result.scope : null;
}

function failure(err: unknown): PageStatus {
  return mapAwsError(err).retryable
    ? { status: 503, retryAfterSeconds: RETRY_AFTER_SECONDS }
    : { status: 502 };
}

/** `/exports/<id>` → the id (decoded), for anything but the wizard; null for other paths. */
function taskIdOf(pathname: string): string | null {
  const match = /^\/exports\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    const id = decodeURIComponent(match[1]);
    return id === 'new' ? null : id;
  } catch {
    return '';
  }
}

/** `/rules/<id>` → the id, for anything but the new-rule form; null for other paths. */
function ruleIdOf(pathname: string): string | null {
  const match = /^\/rules\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] && match[1] !== 'new' ? match[1] : null;
}

export async function pageStatus(url: URL, cookies: Cookies, caller: Caller): Promise<PageStatus | null> {
  // A rule's page: 404 for a rule that does not exist or lies in accounts this caller may not reach (the page
  // says "not found" for both, so the status tells no more than the page). Logport's own store, not AWS.
  const ruleId = ruleIdOf(url.pathname);
  if (ruleId !== null) {
    if (!RULE_ID.test(ruleId)) return { status: 404 };
    try {
      return (await getRule(ruleId, caller.accounts)) ? null : { status: 404 };
    } catch {
      return { status: 503, retryAfterSeconds: RETRY_AFTER_SECONDS };
    }
  }
  const taskId = taskIdOf(url.pathname);
  if (taskId === null && url.pathname !== '/exports' && url.pathname !== '/exports/') return null;
  const scope = await scopeOf(url, cookies);
  // An account or Region the page will refuse: the page itself says so (it knows the user's accounts).
  if (!scope) return null;
  if (taskId !== null) {
    // The page's own rule for ids it will not even ask AWS about.
    if (taskId.length === 0 || taskId.length > 512 || /\s/.test(taskId)) return { status: 404 };
    try {
      const page = await listExportTasks({ ...scope, taskId });
      return page.tasks.some((t) => t.taskId === taskId) ? null : { status: 404 };
    } catch (err) {
      return failure(err);
    }
  }
  if (url.pathname === '/exports' || url.pathname === '/exports/') {
    const view = parseView(url.searchParams);
    const id = awsTaskId(view);
    try {
      await listExportTasks({
        ...scope,
        statusCode: view.status ?? undefined,
        taskId: id ?? undefined,
      });
      return null;
    } catch (err) {
      return failure(err);
    }
  }
  return null;
}
