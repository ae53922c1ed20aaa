import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as accountsPage } from './accounts-page';
import { run as alertsEvaluate } from './alerts-evaluate';
import { run as backlog } from './backlog';
import { run as callBudget } from './call-budget';
import { run as coveragePage } from './coverage-page';
import { run as emulatorThroughput } from './emulator-throughput';
import { run as firstLoadJs } from './first-load-js';
import { run as historyScroll } from './history-scroll';
import type { Figure } from './lib/figures';
import { startStack } from './lib/stack';
import { run as listLatency } from './list-latency';
import { run as logGroupSearch } from './log-group-search';
import { run as memory } from './memory';
import { run as pageSpeed } from './page-speed';
import { run as queueSnapshot } from './queue-snapshot';
import { run as replicasCalls } from './replicas-calls';
import { run as schedulerTick } from './scheduler-tick';
import { run as storeThroughput } from './store-throughput';

/** `npm run bench`: every figure beside its target, a PASS/FAIL line each, and bench/results.json. */
async function main() {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const figures: Figure[] = [];
  const record = (list: Figure[]) => {
    for (const f of list) {
      figures.push(f);
      console.log(
        `${f.pass ? 'PASS' : 'FAIL'}  ${f.name}: ${f.value} ${f.unit} (target ${f.target})${f.detail ? ` — ${f.detail}` : ''}`,
      );
    }
  };

  if (want('emulator')) record(await emulatorThroughput());
  // Their own servers (a child per engine; two replicas on a throwaway PostgreSQL), before the bench stack.
  if (want('store')) record(await storeThroughput());
  if (want('replicas')) record(await replicasCalls());
  // The store's own loops in a child process each (scheduler, queue, alerts), against their own emulator.
  if (want('scheduler')) record(await schedulerTick());
  if (want('backlog')) record(await backlog());
  if (want('queue')) record(await queueSnapshot());
  if (want('alerts')) record(await alertsEvaluate());
  const stack = await startStack();
  try {
    if (want('first-load')) record(await firstLoadJs(stack));
    if (want('page-speed')) record(await pageSpeed(stack));
    if (want('latency')) record(await listLatency(stack));
    if (want('latency') && want('memory')) record(await memory(stack));
    if (want('calls')) record(await callBudget(stack));
    if (want('log-groups')) record(await logGroupSearch(stack));
    if (want('coverage')) record(await coveragePage(stack));
    if (want('accounts')) record(await accountsPage(stack));
    // Last: it leaves 20,000 tasks in the emulator.
    if (want('scroll')) record(await historyScroll(stack));
  } finally {
    await stack.stop();
  }

  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const file = path.join(__dirname, 'results.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  const failed = figures.filter((f) => !f.pass);
  console.log(
    `\n${figures.length - failed.length} passed, ${failed.length} failed (${machine}); written to ${file}`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
