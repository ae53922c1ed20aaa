import { createHash } from 'node:crypto';
import type { Bucket, EmulatorConfig, ExportTask, Faults, LogGroup, Role, Session } from './types';

export interface RegionState {
  groups: Map<string, LogGroup>;
  /** Sorted by (creationTime, seq): DescribeExportTasks walks it backwards instead of sorting. */
  tasks: ExportTask[];
}

export interface AccountState {
  regions: Map<string, RegionState>;
  tasksById: Map<string, ExportTask>;
  /** The one PENDING/RUNNING task of the account, across Regions (AWS's quota). */
  activeTaskId?: string;
  /** IAM roles by name; IAM is global, so not per Region. */
  roles: Map<string, Role>;
}

export function compareTasks(a: ExportTask, b: ExportTask): number {
  return a.creationTime - b.creationTime || a.seq - b.seq;
}

export class Store {
  accounts = new Map<string, AccountState>();
  /** Bucket names are global, as in S3; each bucket remembers its owner and Region. */
  buckets = new Map<string, Bucket>();
  nextSeq = 1;
  /** AssumeRole credentials by access key id (ASIA...), any account. */
  sessions = new Map<string, Session>();
  /** Fault rules; the first whose `operations` match a request applies (none: no faults). */
  faults: Faults[] = [];
  stats = new Map<string, number>();
  private listeners: Array<() => void> = [];

  constructor(public config: EmulatorConfig) {}

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const l of this.listeners) l();
  }

  account(accountId: string): AccountState {
    let acct = this.accounts.get(accountId);
    if (!acct) {
      acct = { regions: new Map(), tasksById: new Map(), roles: new Map() };
      this.accounts.set(accountId, acct);
    }
    return acct;
  }

  region(accountId: string, region: string): RegionState {
    const acct = this.account(accountId);
    let r = acct.regions.get(region);
    if (!r) {
      r = { groups: new Map(), tasks: [] };
      acct.regions.set(region, r);
    }
    return r;
  }

  /** Inserts keeping creation order; new tasks almost always go at the end, so this is O(1) then. */
  insertTask(task: ExportTask): void {
    const acct = this.account(task.accountId);
    const tasks = this.region(task.accountId, task.region).tasks;
    const last = tasks[tasks.length - 1];
    if (!last || compareTasks(last, task) <= 0) {
      tasks.push(task);
    } else {
      let lo = 0;
      let hi = tasks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareTasks(tasks[mid]!, task) <= 0) lo = mid + 1;
        else hi = mid;
      }
      tasks.splice(lo, 0, task);
    }
    acct.tasksById.set(task.taskId, task);
  }

  /** Many at once: one sort instead of many splices (bulk history, persistence). */
  insertTasks(tasks: ExportTask[]): void {
    const touched = new Set<RegionState>();
    for (const task of tasks) {
      const r = this.region(task.accountId, task.region);
      r.tasks.push(task);
      touched.add(r);
      this.account(task.accountId).tasksById.set(task.taskId, task);
    }
    for (const r of touched) r.tasks.sort(compareTasks);
  }

  putObject(
    bucket: Bucket,
    key: string,
    body: Buffer,
    contentType: string,
    metadata: Record<string, string> = {},
  ) {
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    const obj = { body, contentType, etag, lastModified: Date.now(), metadata };
    bucket.objects.set(key, obj);
    return obj;
  }

  reset(): void {
    this.accounts.clear();
    this.buckets.clear();
    this.sessions.clear();
    this.nextSeq = 1;
  }

  count(operation: string): void {
    this.stats.set(operation, (this.stats.get(operation) ?? 0) + 1);
  }
}
