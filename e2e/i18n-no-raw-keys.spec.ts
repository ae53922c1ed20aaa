import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { expect, type Page, test } from '@playwright/test';
import { logs } from './pages/export-wizard';
import { E2E, type TestRole } from './support/env';

// Every page, each role, English and Japanese: no message key shown raw. next-intl shows `namespace.key` for a
// message it cannot find (lib/i18n/request.ts sets that fallback and logs the error), so a key in the text,
// an accessible name, a title or a placeholder, or a MISSING_MESSAGE in the console, fails the walk.

const NAMESPACES = readdirSync(path.resolve('messages/en')).map((f) => f.replace(/\.json$/, ''));
/** Top-level keys per namespace: `queue.onFailure` is a key shown raw, `policy.json` a file name. */
const TOP_KEYS = new Map(
  NAMESPACES.map((ns) => [
    ns,
    new Set(Object.keys(JSON.parse(readFileSync(path.resolve(`messages/en/${ns}.json`), 'utf8')))),
  ]),
);
const KEY_LIKE = new RegExp(
  `(?<![\\w/.:-])(${NAMESPACES.join('|')})\\.([A-Za-z][\\w-]*)(?:\\.[\\w-]+)*`,
  'g',
);

function rawKeys(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(KEY_LIKE)) {
    const [whole, ns = '', first = ''] = m;
    // A key of the namespace, or an error code the errors namespace does not have.
    if (TOP_KEYS.get(ns)?.has(first) || (ns === 'errors' && /^[a-z][A-Za-z]+$/.test(first)))
      found.push(whole);
  }
  return found;
}

/** What a user can read or hear on the page: its text, accessible names, titles, placeholders. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
    );
    // innerText, not textContent: what is rendered, without the scripts' payload (which holds every key).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
    return [document.title, document.body.innerText, ...attrs].join('\n');
  });
}

async function ids(): Promise<{ completed: string; failed: string }> {
  const one = async (statusCode: 'COMPLETED' | 'FAILED') => {
    const out = await logs.send(new DescribeExportTasksCommand({ statusCode, limit: 1 }));
    return out.exportTasks?.[0]?.taskId ?? '';
  };
  return { completed: await one('COMPLETED'), failed: await one('FAILED') };
}

const wizard = (params: Record<string, string>) =>
  `/exports/new?${new URLSearchParams({ g: 'my-log-group', preset: 'yesterday', tz: 'UTC', prefix: 'exportedlogs', ...params }).toString()}`;

function pagesFor(role: TestRole, task: { completed: string; failed: string }): string[] {
  const pages = [
    '/exports',
    '/exports?status=FAILED',
    `/exports/${task.completed}`,
    `/exports/${task.failed}`,
    '/exports/00000000-0000-4000-8000-000000000000',
    wizard({ step: 'source' }),
    '/queue',
    '/activity',
    '/accounts',
    '/rules',
    // Admins see the form; other roles the page's refusal.
    '/rules/new',
    '/coverage',
    // Admins see the sessions; other roles the page's refusal.
    '/settings',
    // Operators and admins read the delivery log; viewers the refusal.
    '/alerts',
    `/bucket-policy?bucket=my-exported-logs&region=${E2E.region}&account=${E2E.accountId}&prefix=exports`,
    '/no-such-page',
  ];
  if (role === 'viewer') return pages;
  return [
    ...pages,
    wizard({ step: 'range', preset: 'custom', start: '1970-01-01T00:00', end: '2099-01-01T00:00' }),
    wizard({ step: 'destination', bucket: 'my-exported-logs' }),
    wizard({ step: 'destination', bucket: 'logport-exports-kms' }),
    wizard({ step: 'review', bucket: 'logport-exports' }),
  ];
}

async function walk(page: Page, paths: string[]) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (/MISSING_MESSAGE|FORMATTING_ERROR|INVALID_MESSAGE/.test(msg.text()))
      problems.push(`${page.url()}: console: ${msg.text().slice(0, 200)}`);
  });
  for (const p of paths) {
    await page.goto(p);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // Client parts (checks, lists) render after hydration and their first fetch.
    await page.waitForLoadState('networkidle');
    for (const key of rawKeys(await readable(page))) problems.push(`${p}: ${key}`);
  }
  expect(problems).toEqual([]);
}

for (const locale of ['en', 'ja'] as const) {
  test(`${locale}, signed out: the sign-in page shows no raw key`, async ({ page, context }) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
    await walk(page, ['/signin', '/signin?error=CredentialsSignin', '/signin?error=NoAccounts']);
    // A single sign-on user refused for having no account is told that, not "no role".
    await expect(page.getByRole('alert').filter({ hasText: /./ }).first()).toContainText(
      locale === 'en' ? 'no AWS account in Logport' : 'AWS アカウントが 1 つも割り当てられていません',
    );
  });

  for (const role of ['viewer', 'operator', 'admin'] as const) {
    test.describe(`${role}, ${locale}`, () => {
      test.use({ storageState: E2E.storageState(role) });

      test(`every page shows words, never a message key`, async ({ page, context }) => {
        test.setTimeout(180_000);
        await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: E2E.appUrl }]);
        await walk(page, pagesFor(role, await ids()));
      });
    });
  }
}

test('the walk can fail: a key next-intl cannot find is caught', async () => {
  expect(rawKeys('Exports\nwizard.request.nope\npolicy.json\nlogs.us-east-2.amazonaws.com')).toEqual([
    'wizard.request.nope',
  ]);
  expect(rawKeys('queue.onFailure: continue → pause')).toEqual(['queue.onFailure']);
  expect(rawKeys('errors.someNewCode')).toEqual(['errors.someNewCode']);
});
