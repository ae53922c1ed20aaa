import { appendEvents } from './logs-context';
import { createRng } from './prng';
import { type SeedGroup, seedMessage } from './seed-data';
import type { Store } from './state';

const DAY = 86_400_000;

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Adds the groups with their events; `salt` gives another account different events for the same names. */
export function seedGroups(
  store: Store,
  accountId: string,
  region: string,
  groups: SeedGroup[],
  now: number,
  salt = '',
): number {
  const r = store.region(accountId, region);
  let total = 0;
  for (const spec of groups) {
    const rng = createRng(hashName(salt + spec.name));
    const group = {
      name: spec.name,
      creationTime: now - spec.createdDaysAgo * DAY - Math.floor(rng() * DAY),
      ...(spec.retentionInDays !== undefined ? { retentionInDays: spec.retentionInDays } : {}),
      ...(spec.tags !== undefined ? { tags: { ...spec.tags } } : {}),
      streams: new Map(),
      storedBytes: 0,
    };
    r.groups.set(spec.name, group);
    // Data spans the last 14 days, or less when retention would already have dropped it.
    const spanMs = Math.min(14, spec.retentionInDays ?? 14) * DAY;
    for (const streamName of spec.streams) {
      const stream = {
        name: streamName,
        creationTime: Math.max(group.creationTime, now - spanMs - DAY),
        events: [],
        sorted: true,
        storedBytes: 0,
      };
      group.streams.set(streamName, stream);
      const step = (spanMs - 300_000) / Math.max(1, spec.events);
      let ts = now - spanMs;
      const events: Array<{ timestamp: number; message: string }> = [];
      for (let i = 0; i < spec.events; i++) {
        ts += Math.max(1, Math.floor(step * (0.2 + rng() * 1.6)));
        events.push({ timestamp: Math.min(ts, now - 60_000), message: seedMessage(spec.kind, rng, i, ts) });
      }
      appendEvents(group, stream, events, now - 30_000);
      total += events.length;
    }
  }
  return total;
}
