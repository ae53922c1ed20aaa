import { renderPrefix } from '@/lib/rules/template';
import type { Every, Window } from '@/lib/rules/types';
import { nextWindow, windowAt } from '@/lib/rules/windows';

/** Stand-ins for what only the export itself knows: AWS's task id and each log stream's name. */
export const TASK_ID_PLACEHOLDER = '<task-id>';
export const STREAM_PLACEHOLDER = '<log-stream>';
/** Shown for {logGroup} while the selection matches no group yet. */
export const GROUP_PLACEHOLDER = '<log-group>';

export type KeyPreview = {
  logGroup: string;
  window: Window;
  /** The first object's key, or null when this group's name cannot go into the template. */
  key: string | null;
};

/**
 * The first object keys the rule will write: the first matched groups (or the next windows of one group) for
 * the windows that become due next, as `<prefix>/<task-id>/<log-stream>/000000.gz` (AWS's layout).
 */
export function previewKeys(v: {
  template: string;
  groups: readonly string[];
  account: string;
  region: string;
  every: Every;
  timeZone: string;
  settleMinutes: number;
  now: number;
  count?: number;
}): KeyPreview[] {
  const count = v.count ?? 3;
  const groups = v.groups.length > 0 ? v.groups.slice(0, count) : [GROUP_PLACEHOLDER];
  // The window containing `now - settle` is the next to become due (its end + settle is still ahead).
  const windows: Window[] = [windowAt(v.now - v.settleMinutes * 60_000, v.every, v.timeZone)];
  const out: KeyPreview[] = [];
  for (let i = 0; i < count; i++) {
    const logGroup = groups[i % groups.length] ?? GROUP_PLACEHOLDER;
    const w = Math.floor(i / groups.length);
    while (windows.length <= w) {
      const last = windows[windows.length - 1] as Window;
      windows.push(nextWindow(last, v.every, v.timeZone));
    }
    const window = windows[w] as Window;
    const prefix = renderPrefix(v.template, {
      logGroup,
      account: v.account,
      region: v.region,
      windowStart: window.start,
      timeZone: v.timeZone,
    });
    out.push({
      logGroup,
      window,
      key: prefix === null ? null : `${prefix}/${TASK_ID_PLACEHOLDER}/${STREAM_PLACEHOLDER}/000000.gz`,
    });
  }
  return out;
}
