import { mkdir, rm, writeFile } from 'node:fs/promises';
import YAML from 'yaml';
import { E2E, E2E_ACCOUNTS, ROLES_UNDER_TEST } from '../e2e/support/env';
import { upsertUser } from '../lib/auth/users-admin';

// A clean data folder, one user per role and the accounts file (LOGPORT_ACCOUNTS), before the e2e server starts.
async function main() {
  await rm(E2E.dataDir, { recursive: true, force: true });
  await mkdir(E2E.dataDir, { recursive: true });
  await writeFile(E2E.accountsFile, YAML.stringify({ accounts: E2E_ACCOUNTS }));
  for (const role of ROLES_UNDER_TEST) {
    await upsertUser(E2E.usersFile, role, { role, password: E2E.password }, 'upsert');
  }
  // An admin limited to one account (issue 16): every door refuses it for the others.
  await upsertUser(
    E2E.usersFile,
    E2E.limitedUser,
    { role: 'admin', password: E2E.password, accounts: ['staging'] },
    'upsert',
  );
  console.log(`e2e users ready in ${E2E.usersFile}, accounts in ${E2E.accountsFile}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
