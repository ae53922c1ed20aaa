import type { Every, Window } from './types';
import { stampOf } from './windows';

/**
 * Task names of rule exports: deterministic, short and readable, unique per (rule, account, Region, log group,
 * window), e.g. `3f9a1c2e-20261124-api-5d41402abc4b`. Pure (no node:crypto), so the rules form can preview them.
 */

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits. Not cryptographic: names, not secrets. */
export function fnv1a64(text: string): string {
  // Two 32-bit halves instead of BigInt (several times faster). The prime is 2^40 + 0x1b3, so
  // h * prime mod 2^64 = h * 0x1b3 + (h << 40): the shift only moves the low half, 8 bits up, into the high one.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of new TextEncoder().encode(text)) {
    lo = (lo ^ byte) >>> 0;
    const low = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

export const MAX_TAIL = 40;

/** The last segment of a log group name, in characters a task name reads well with; '' when none is left. */
export function nameTail(logGroup: string): string {
  const segments = logGroup.split('/').filter((s) => s !== '');
  return (segments[segments.length - 1] ?? '').replace(/[^A-Za-z0-9\-_.]/g, '').slice(0, MAX_TAIL);
}

export type TaskNameInput = {
  ruleId: string;
  account: string;
  region: string;
  logGroup: string;
  window: Window;
  every: Every;
  timeZone: string;
  /**
   * 0 (default) for the window's first job. The queue refuses a task name it already holds, so a window
   * exported again (a gap filled after a cancelled job) needs another name: 1, 2… change the hash only.
   */
  attempt?: number;
};

/** Hex digits of the hash in a name: 48 bits keep a thousand same-named groups apart for years of hours. */
export const HASH_HEX = 12;

/**
 * `<r8>-<stamp>-<tail>-<h12>`: the rule id's first 8 characters, the window start in the rule's zone
 * (`yyyymmdd`, or `yyyymmddThh` for hours), the group name's last segment, and 12 hex of a hash of everything
 * that makes the window unique: the whole rule id (two rules whose ids share 8 characters still differ) and
 * the window's end (a daily and a weekly window starting the same Monday, after the rule was edited, differ
 * too). At most 8 + 12 + 40 + 12 + 3 = 75 characters, well within AWS's 512.
 *
 * Why 12 hex and not 8: names must be unique (the queue refuses a duplicate and recovers a crashed submission
 * by name), and the readable part is often identical (`/svc/a/api`, `/svc/b/api`: tail `api`, same stamp).
 * With 1,000 such groups on an hourly rule, 32 bits would collide about once a year; 48 bits, practically never.
 */
export function ruleTaskName(v: TaskNameInput): string {
  const r8 = v.ruleId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'rule';
  const stamp = stampOf(v.window, v.every, v.timeZone);
  const again = v.attempt ? `|${v.attempt}` : '';
  const key = `${v.ruleId}|${v.account}|${v.region}|${v.logGroup}|${v.window.start}|${v.window.end}${again}`;
  const hash = fnv1a64(key).slice(0, HASH_HEX);
  const tail = nameTail(v.logGroup);
  return tail ? `${r8}-${stamp}-${tail}-${hash}` : `${r8}-${stamp}-${hash}`;
}
