#!/usr/bin/env node
// The suites whose windows are days and hours of the real clock (rules, alerts, coverage, the queue's rule
// view) run again with the clock set just before and just after midnight UTC, so a test that holds only at
// some hours of the day fails here rather than in whichever CI run happens to start at the wrong hour (one
// held only before 14:00 UTC). The clock keeps running from the time set (libfaketime's "@" form), so the
// hours a test adds to it cross midnight. SQLite only: the PostgreSQL run of the same suites is the same logic.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const FAKETIME = '/usr/bin/faketime';
const SUITES = ['lib/rules/', 'lib/alerts/', 'lib/coverage/', 'lib/queue/rules-view.integration.test.ts'];
const HOURS = ['23:50:00', '00:10:00'];

if (!existsSync(FAKETIME)) {
  console.error(
    `test-clock: ${FAKETIME} is missing (Debian package faketime; npm test installs it as root).`,
  );
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
for (const hour of HOURS) {
  console.log(`test-clock: the clock set to ${today} ${hour} UTC`);
  const run = spawnSync(
    FAKETIME,
    ['-f', `@${today} ${hour}`, 'npx', 'vitest', 'run', '--project', 'sqlite', ...SUITES],
    // FAKETIME_DONT_RESET: a child process (the crash tests' servers) goes on from the parent's clock instead
    // of starting again at the time set, so a lease one process writes is read on the same clock by another.
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', FAKETIME_DONT_RESET: '1' } },
  );
  if (run.status !== 0) {
    console.error(`test-clock: the suites failed with the clock at ${hour} UTC`);
    process.exit(run.status ?? 1);
  }
}
