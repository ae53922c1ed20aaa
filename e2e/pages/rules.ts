import { type APIRequestContext, expect, type Locator, type Page, request } from '@playwright/test';
import { E2E, type TestRole } from '../support/env';

/** The rules list and the rule form as a user sees them, and the JSON API for setting up and cleaning up. */
export class RulesPage {
  constructor(readonly page: Page) {}

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/rules${search}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** A rule's table row (wide screens) or card (phones). */
  rule(name: string): Locator {
    // Before hydration both are in the page (CSS shows one): the visible one is the user's.
    return this.page
      .locator('[data-testid="rule-row"], [data-testid="rule-card"]')
      .filter({ hasText: name, visible: true });
  }
}

export class RuleFormPage {
  readonly form: Locator;
  readonly save: Locator;
  readonly notice: Locator;
  readonly checks: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('rule-form');
    this.save = page.getByTestId('rule-save');
    this.notice = page.getByTestId('rule-notice');
    this.checks = page.getByTestId('rule-checks');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/rules/new');
    // The schema loads after the first paint; typing before it is fine, but saving waits for it.
    await expect(this.form).toHaveAttribute('data-ready', 'true');
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' });
  }

  /** Ticks log groups in the picker (the export wizard's), searching for each. */
  async pickGroups(names: string[]): Promise<void> {
    await this.form.getByRole('radio', { name: 'Names' }).check();
    for (const name of names) {
      await this.form.getByLabel('Search log groups').fill(name);
      await this.form.getByRole('checkbox', { name, exact: true }).check();
    }
  }
}

export type RuleInput = Record<string, unknown> & { name: string };

/** A JSON API client signed in as `role` (writes carry a same-origin Origin, as a browser's would). */
export async function apiAs(role: TestRole): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: E2E.appUrl,
    storageState: E2E.storageState(role),
    extraHTTPHeaders: { Origin: E2E.appUrl },
  });
}

export async function createRule(api: APIRequestContext, input: RuleInput): Promise<{ id: string }> {
  const res = await api.post('/api/rules', { data: { region: E2E.region, ...input } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { rule: { id: string } }).rule;
}

export async function deleteRule(api: APIRequestContext, id: string): Promise<void> {
  const res = await api.delete(`/api/rules/${id}`);
  expect([200, 404]).toContain(res.status());
}

export async function ruleNames(api: APIRequestContext): Promise<string[]> {
  const res = await api.get(`/api/rules?region=${E2E.region}`);
  return ((await res.json()) as { rules: Array<{ rule: { name: string } }> }).rules.map((r) => r.rule.name);
}

/** YYYY-MM-DD of `days` ago in UTC (the specs' rules use the UTC zone). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** A short unique suffix, so rules of one run never collide with another's. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}
