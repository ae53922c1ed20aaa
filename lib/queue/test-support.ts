import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewJob } from './enqueue';

// Shared by the queue's tests: a fresh data folder per test file, and jobs that look like the wizard's.

export function makeTempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'logport-queue-'));
  process.env.LOGPORT_DATA_DIR = dir;
  return dir;
}

const HOUR = 3_600_000;

export function sampleJobs(count: number, options: Partial<NewJob> & { groups?: string[] } = {}): NewJob[] {
  const { groups = ['/aws/lambda/orders-api'], ...rest } = options;
  const base = Date.UTC(2024, 0, 1);
  const tag = Math.random().toString(36).slice(2, 8);
  return Array.from({ length: count }, (_, i) => {
    const group = groups[i % groups.length] ?? '/aws/lambda/orders-api';
    return {
      region: 'us-east-2',
      logGroupName: group,
      from: base + i * 24 * HOUR,
      to: base + (i + 1) * 24 * HOUR,
      destination: 'logport-exports',
      destinationPrefix: 'exportedlogs',
      taskName: `test-${tag}-${i + 1}`,
      ...rest,
    };
  });
}
