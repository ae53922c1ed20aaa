import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { roleKey } from './iam';
import type { Store } from './state';
import type { Bucket, ExportTask, LogGroup, Role, Session } from './types';

// A plain JSON snapshot. Events are tuples and object bodies base64 so the file stays compact and readable.

interface SavedGroup {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  tags?: Record<string, string>;
  streams: Array<{
    name: string;
    creationTime: number;
    lastIngestionTime?: number;
    events: Array<[number, string, number]>;
  }>;
}

interface SavedBucket extends Omit<Bucket, 'objects'> {
  objects: Array<{
    key: string;
    body: string;
    contentType: string;
    etag: string;
    lastModified: number;
    metadata: Record<string, string>;
  }>;
}

interface Snapshot {
  version: 1;
  nextSeq: number;
  accounts: Array<{
    accountId: string;
    activeTaskId?: string;
    regions: Array<{ region: string; groups: SavedGroup[]; tasks: ExportTask[] }>;
    /** Added later; files without it load with no roles. */
    roles?: Role[];
  }>;
  buckets: SavedBucket[];
  /** AssumeRole credentials, so clients holding them keep working after a restart. */
  sessions?: Session[];
}

function saveGroup(g: LogGroup): SavedGroup {
  return {
    name: g.name,
    creationTime: g.creationTime,
    ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    ...(g.tags !== undefined ? { tags: g.tags } : {}),
    streams: [...g.streams.values()].map((s) => ({
      name: s.name,
      creationTime: s.creationTime,
      ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
      events: s.events.map((e): [number, string, number] => [e.timestamp, e.message, e.ingestionTime]),
    })),
  };
}

export function snapshot(store: Store): Snapshot {
  return {
    version: 1,
    nextSeq: store.nextSeq,
    accounts: [...store.accounts.entries()].map(([accountId, acct]) => ({
      accountId,
      ...(acct.activeTaskId !== undefined ? { activeTaskId: acct.activeTaskId } : {}),
      regions: [...acct.regions.entries()].map(([region, r]) => ({
        region,
        groups: [...r.groups.values()].map(saveGroup),
        tasks: r.tasks,
      })),
      ...(acct.roles.size > 0 ? { roles: [...acct.roles.values()] } : {}),
    })),
    buckets: [...store.buckets.values()].map((b) => ({
      ...b,
      objects: [...b.objects.entries()].map(([key, o]) => ({ ...o, key, body: o.body.toString('base64') })),
    })),
    ...(store.sessions.size > 0 ? { sessions: [...store.sessions.values()] } : {}),
  };
}

export function restore(store: Store, snap: Snapshot): void {
  store.reset();
  store.nextSeq = snap.nextSeq;
  for (const a of snap.accounts) {
    const acct = store.account(a.accountId);
    if (a.activeTaskId !== undefined) acct.activeTaskId = a.activeTaskId;
    for (const r of a.regions) {
      const region = store.region(a.accountId, r.region);
      for (const g of r.groups) {
        const group: LogGroup = {
          name: g.name,
          creationTime: g.creationTime,
          ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
          ...(g.tags !== undefined ? { tags: g.tags } : {}),
          streams: new Map(),
          storedBytes: 0,
        };
        for (const s of g.streams) {
          const events = s.events.map(([timestamp, message, ingestionTime]) => ({
            timestamp,
            message,
            ingestionTime,
          }));
          const bytes = events.reduce((n, e) => n + Buffer.byteLength(e.message), 0);
          group.storedBytes += bytes;
          group.streams.set(s.name, {
            name: s.name,
            creationTime: s.creationTime,
            events,
            sorted: false,
            storedBytes: bytes,
            ...(s.lastIngestionTime !== undefined ? { lastIngestionTime: s.lastIngestionTime } : {}),
          });
        }
        region.groups.set(g.name, group);
      }
      store.insertTasks(r.tasks);
    }
    for (const role of a.roles ?? []) acct.roles.set(roleKey(role.roleName), role);
  }
  for (const session of snap.sessions ?? []) store.sessions.set(session.accessKeyId, session);
  for (const b of snap.buckets) {
    store.buckets.set(b.name, {
      ...b,
      objects: new Map(b.objects.map((o) => [o.key, { ...o, body: Buffer.from(o.body, 'base64') }])),
    });
  }
}

export function loadState(store: Store, file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const snap = JSON.parse(text) as Snapshot;
  if (snap.version !== 1) throw new Error(`${file}: unsupported emulator state version`);
  restore(store, snap);
  return true;
}

/** Write to a temporary file and rename, so a crash mid-write never leaves half a state file. */
export function saveState(store: Store, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot(store)));
  renameSync(tmp, file);
}

export function debouncedSaver(store: Store, file: string, delayMs = 500) {
  let timer: NodeJS.Timeout | undefined;
  return {
    schedule(): void {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        saveState(store, file);
      }, delayMs);
      timer.unref();
    },
    flush(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      saveState(store, file);
    },
  };
}
