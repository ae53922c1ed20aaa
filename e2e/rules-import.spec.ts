import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { apiAs, createRule, daysAgo, deleteRule, RulesPage, uniqueTag } from './pages/rules';
import { E2E } from './support/env';

/**
 * Rules as files (issue 13) in Chromium: an admin downloads the rules, edits the file, imports it, sees the diff
 * (added, changed with its fields, unchanged, not in the file), applies it, and the same file again changes
 * nothing; a bad file is refused naming the rule and the field, in English and Japanese; viewers and operators
 * may download but have no import, and the route refuses them.
 */
type FileRule = Record<string, unknown> & { name: string };
type RulesFile = { version: number; rules: FileRule[] };

const GROUP = '/ecs/checkout-service';
const tag = uniqueTag();
const A = `e2e-import-a-${tag}`;
const B = `e2e-import-b-${tag}`;
const C = `e2e-import-c-${tag}`;
let api: APIRequestContext;

const ruleInput = (name: string) => ({
  name,
  logGroups: { names: [GROUP] },
  bucket: 'logport-exports',
  every: 'day',
  timeZone: 'UTC',
  settleMinutes: 720,
  backfillFrom: daysAgo(1),
  // Paused: the spec is about the definitions, not the exports they would queue.
  enabled: false,
});

async function rulesByName(): Promise<Map<string, Record<string, unknown>>> {
  const res = await api.get('/api/rules');
  const body = (await res.json()) as { rules: Array<{ rule: Record<string, unknown> & { name: string } }> };
  return new Map(body.rules.map((r) => [r.rule.name, r.rule]));
}

async function download(page: Page): Promise<{ text: string; name: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download rules (JSON)' }).click(),
  ]);
  const path = await file.path();
  return { text: readFileSync(path, 'utf8'), name: file.suggestedFilename() };
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import rules…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import rules from a file' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.beforeAll(async () => {
  api = await apiAs('admin');
  await createRule(api, ruleInput(A));
  await createRule(api, ruleInput(B));
});

test.afterAll(async () => {
  const now = await rulesByName();
  for (const name of [A, B, C]) {
    const id = now.get(name)?.id;
    if (typeof id === 'string') await deleteRule(api, id);
  }
  await api.dispose();
});

test.describe('an admin', () => {
  test.use({ storageState: E2E.storageState('admin') });

  test('downloads the rules, imports an edited copy, sees the diff, applies it; the same file again changes nothing', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const rules = new RulesPage(page);
    await rules.goto();
    const { text, name } = await download(page);
    expect(name).toMatch(/^logport-rules-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text) as RulesFile;
    expect(file.version).toBe(1);
    expect(text.endsWith('\n')).toBe(true);
    const names = file.rules.map((r) => r.name);
    expect(names).toEqual([...names].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1)));
    const a = file.rules.find((r) => r.name === A);
    expect(a).toEqual({
      name: A,
      enabled: false,
      accounts: ['default'],
      regions: [E2E.region],
      logGroups: { names: [GROUP] },
      exclude: [],
      bucket: 'logport-exports',
      prefixTemplate: expect.any(String),
      every: 'day',
      timeZone: 'UTC',
      settleMinutes: 720,
      backfillFrom: daysAgo(1),
      behindAfterMinutes: 360,
    });
    expect(text).not.toMatch(/"(id|createdAt|createdBy|updatedAt|updatedBy)"/);

    // The edit: A waits an hour, B leaves the file, C is new.
    const edited: RulesFile = {
      version: 1,
      rules: [
        ...file.rules
          .filter((r) => r.name !== B)
          .map((r) => (r.name === A ? { ...r, settleMinutes: 60 } : r)),
        { ...(a as FileRule), name: C },
      ],
    };
    const editedPath = testInfo.outputPath('rules-edited.json');
    writeFileSync(editedPath, `${JSON.stringify(edited, null, 2)}\n`);

    const dialog = await openImport(page);
    await dialog.getByLabel('Rules file').setInputFiles(editedPath);
    await expect(dialog.getByLabel("Or paste the file's JSON")).toHaveValue(/e2e-import-c-/);
    await expect(dialog.getByTestId('import-apply')).toBeDisabled();
    await dialog.getByTestId('import-check').click();
    const added = dialog.getByTestId('import-added');
    await expect(added).toContainText('1 rule to add');
    await expect(added).toContainText(C);
    await expect(dialog.getByTestId('import-changed')).toContainText('1 rule to change');
    await expect(dialog.getByTestId('import-changed')).toContainText(`${A}: wait after a window`);
    const others = edited.rules.length - 2;
    await expect(dialog.getByTestId('import-unchanged')).toContainText(
      others === 0 ? 'No rules unchanged' : others === 1 ? '1 rule unchanged' : `${others} rules unchanged`,
    );
    const removed = dialog.getByTestId('import-removed');
    await expect(removed).toContainText('1 rule not in the file');
    await expect(removed).toContainText(B);
    await expect(removed).toContainText('Kept, unless you tick the box below.');
    await page.screenshot({ path: testInfo.outputPath('import-diff-en.png') });
    // Nothing is written by the check.
    expect((await rulesByName()).has(C)).toBe(false);
    expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);

    await dialog.getByLabel('Also delete the rules not in the file').check();
    await expect(removed).toContainText('Deleted when you apply.');
    await dialog.getByTestId('import-apply').click();
    await expect(dialog.getByText('The file was applied: 1 added, 1 changed, 1 deleted.')).toBeVisible();
    const after = await rulesByName();
    expect(after.has(B)).toBe(false);
    expect(after.get(C)).toMatchObject({ bucket: 'logport-exports', enabled: false });
    expect(after.get(A)).toMatchObject({ settleMinutes: 60 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(rules.rule(C)).toBeVisible();
    await expect(rules.rule(B)).toHaveCount(0);

    // The same file again: everything unchanged, nothing to apply.
    const again = await openImport(page);
    await again.getByLabel('Rules file').setInputFiles(editedPath);
    await again.getByTestId('import-check').click();
    await expect(again.getByTestId('import-unchanged')).toContainText(
      `${edited.rules.length} rules unchanged`,
    );
    await expect(again.getByTestId('import-added')).toContainText('No rules to add');
    await expect(again.getByTestId('import-changed')).toContainText('No rules to change');
    await expect(
      again.getByText('The rules already match the file: applying it changes nothing.'),
    ).toBeVisible();
    await expect(again.getByTestId('import-apply')).toBeDisabled();
    const before = (await rulesByName()).get(A)?.updatedAt;
    // And through the API, applied: nothing is written.
    const res = await api.post('/api/rules/import', { data: edited });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ added: [], changed: [], applied: true, errors: [] });
    expect((await rulesByName()).get(A)?.updatedAt).toBe(before);
  });

  test('a bad file is refused naming the rule and the field, and nothing is applied', async ({ page }) => {
    const rules = new RulesPage(page);
    await rules.goto();
    const dialog = await openImport(page);
    const paste = dialog.getByLabel("Or paste the file's JSON");
    await paste.fill('{"version": 1, "rules": [');
    await dialog.getByTestId('import-check').click();
    await expect(dialog.getByTestId('import-problem')).toContainText(
      'This is not JSON a rules file can be made of.',
    );

    const bad = {
      version: 1,
      rules: [
        { ...ruleInput(`${A}-new`), enabled: true },
        { ...ruleInput(A), settleMinutes: -1 },
      ],
    };
    await paste.fill(JSON.stringify(bad));
    await dialog.getByTestId('import-check').click();
    const errors = dialog.getByTestId('import-errors');
    await expect(errors).toContainText(`${A} (rule 2 in the file)`);
    await expect(errors).toContainText(
      'wait after a window: Use a whole number of minutes from 0 to 10080 (a week).',
    );
    await expect(
      dialog.getByText('Nothing can be applied: fix these rules in the file and check it again.'),
    ).toBeVisible();
    await expect(dialog.getByTestId('import-apply')).toBeDisabled();
    // The route itself, applied: 400, the rule named, and the valid rule beside it not created.
    const res = await api.post('/api/rules/import', { data: bad });
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalidInput',
      applied: false,
      errors: [{ index: 2, name: A, fieldErrors: { settleMinutes: ['rules.errors.settleInvalid'] } }],
    });
    expect((await rulesByName()).has(`${A}-new`)).toBe(false);

    await paste.fill('{"version": 2, "rules": []}');
    await dialog.getByTestId('import-check').click();
    await expect(dialog.getByTestId('import-problem')).toContainText(
      'version: This file is of another version; this Logport reads version 1.',
    );
  });

  test('in Japanese on a phone, the dialog and its refusals are in Japanese and fit the screen', async ({
    page,
    context,
  }, testInfo) => {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: E2E.appUrl }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/rules');
    await expect(page.getByRole('link', { name: 'ルールをダウンロード（JSON）' })).toBeVisible();
    await page.getByRole('button', { name: 'ルールをインポート…' }).click();
    const dialog = page.getByRole('dialog', { name: 'ファイルからルールをインポート' });
    await dialog
      .getByLabel('またはファイルの JSON を貼り付け')
      .fill(JSON.stringify({ version: 1, rules: [{ ...ruleInput(A), settleMinutes: -1 }] }));
    await dialog.getByRole('button', { name: 'ファイルを確認' }).click();
    await expect(dialog.getByTestId('import-errors')).toContainText(`${A}（ファイルの 1 番目のルール）`);
    await expect(dialog.getByTestId('import-errors')).toContainText('ウィンドウ終了後の待ち時間:');
    await expect(dialog.getByTestId('import-removed')).toContainText('ファイルにないルール');
    // Nothing wider than the phone: the dialog and its long names wrap.
    const widths = await dialog.evaluate((d) => ({
      dialog: d.scrollWidth,
      page: document.documentElement.scrollWidth,
    }));
    expect(widths.dialog).toBeLessThanOrEqual(390);
    expect(widths.page).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('import-refused-390-ja.png'), fullPage: true });
    await context.clearCookies({ name: 'NEXT_LOCALE' });
  });
});

for (const role of ['viewer', 'operator'] as const) {
  test.describe(`a ${role}`, () => {
    test.use({ storageState: E2E.storageState(role) });

    test('may download the rules but has no import, and the route refuses them', async ({
      page,
      request,
    }) => {
      await new RulesPage(page).goto();
      await expect(page.getByRole('link', { name: 'Download rules (JSON)' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Import rules…' })).toHaveCount(0);
      const { text } = await download(page);
      expect((JSON.parse(text) as RulesFile).rules.map((r) => r.name)).toContain(A);

      const res = await request.post('/api/rules/import', {
        headers: { Origin: E2E.appUrl },
        data: { rules: [], deleteMissing: true },
      });
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({ error: 'forbidden' });
      expect((await rulesByName()).has(A)).toBe(true);
    });
  });
}
