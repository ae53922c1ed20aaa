import { expect, test as setup } from '@playwright/test';
import { E2E, ROLES_UNDER_TEST } from './support/env';
import { signIn } from './support/sign-in';

// Sign in once per role and keep the session, so each spec starts signed in as the role it needs.
for (const role of ROLES_UNDER_TEST) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByTestId('current-user')).toContainText(role);
    await page.context().storageState({ path: E2E.storageState(role) });
  });
}
