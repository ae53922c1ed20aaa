/**
 * Offline dependency check (issue 14 point 10): fails when package-lock.json installs a version of a tracked
 * package that a known advisory affects. `npm audit` needs npm's service, which Logport's build cannot reach;
 * this reads the table in scripts/advisories/table.ts instead. Part of `npm test`; `npm run audit:offline`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findings, installedFromLock, trackedPackages } from './advisories/check';
import { ADVISORIES } from './advisories/table';

const lockPath = path.resolve(process.argv[2] ?? 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const installed = installedFromLock(lock, trackedPackages());
const problems = findings(installed);

for (const pkg of trackedPackages()) {
  const copies = installed.filter((c) => c.pkg === pkg);
  const versions = copies.length ? copies.map((c) => c.version).join(', ') : 'not installed';
  console.log(`  ${pkg.padEnd(14)} ${versions}`);
}
if (problems.length > 0) {
  console.error(`\nDependency advisories: ${problems.length} problem(s) in ${path.basename(lockPath)}`);
  for (const p of problems)
    console.error(
      `  ✗ ${p.installed.pkg}@${p.installed.version} (${p.installed.path})\n      ${p.reason}\n      → ${p.fix}`,
    );
  process.exit(1);
}
console.log(
  `Dependency advisories: none of ${ADVISORIES.length} tracked advisories affects the installed versions.`,
);
