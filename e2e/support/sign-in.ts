import { expect, type Page } from '@playwright/test';
import { E2E } from './env';

export async function signIn(page: Page, username: string, password = E2E.password, landing = '/exports') {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === landing);
}
