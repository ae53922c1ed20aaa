import { rm } from 'node:fs/promises';
import { E2E, ROLES_UNDER_TEST } from '../e2e/support/env';
import { upsertUser } from '../lib/auth/users-admin';

// A clean data folder and one user per role, before the e2e server starts.
async function main() {
  await rm(E2E.dataDir, { recursive: true, force: true });
  for (const role of ROLES_UNDER_TEST) {
    await upsertUser(E2E.usersFile, role, { role, password: E2E.password }, 'upsert');
  }
  console.log(`e2e users ready in ${E2E.usersFile}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
