import { readFileSync } from 'node:fs';
import type { Figure } from './lib/figures';
import { round } from './lib/figures';
import type { Stack } from './lib/stack';

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Resident set of the Next server and any worker processes it started, after the latency load. */
export async function run(stack: Stack): Promise<Figure[]> {
  const root = stack.server.pid;
  if (!root) return [{ name: 'server RSS', value: Number.NaN, unit: 'MB', target: '< 350', pass: false }];
  const pids = [root];
  for (let i = 0; i < pids.length; i++) pids.push(...children(pids[i] ?? 0));
  const mb = pids.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
  return [
    {
      name: 'server RSS after load',
      value: round(mb),
      unit: 'MB',
      target: '< 350',
      pass: mb < 350,
      detail: `${pids.length} process(es)`,
    },
  ];
}
