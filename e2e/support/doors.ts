import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every door of the app, found by reading the source (not a hand-kept list): each exported server action in a
 * `'use server'` file under app/ and each exported HTTP method of a route handler, with the role its first
 * statement asks `requireRole` for. A new action or route without that check fails the doors test.
 */
export type Role = 'viewer' | 'operator' | 'admin';
export type Door = {
  kind: 'action' | 'route';
  file: string;
  name: string;
  /** The role passed to requireRole, or null when the code has no requireRole call. */
  role: Role | null;
  /** requireRole is awaited before anything else is awaited (nothing happens for a refused caller). */
  checkedFirst: boolean;
  /** For routes: the URL path with placeholder segments. */
  path?: string;
  /** For route methods other than GET and HEAD: `refuseUnsafeRequest` (Origin, body size) runs before any await. */
  guarded?: boolean;
};

/** Doors that are public by design: next-auth's own endpoints (they sign in) and the health check. */
export const PUBLIC_DOORS = new Set(['app/api/auth/[...nextauth]/route.ts', 'app/api/health/route.ts#GET']);

const root = path.resolve('.');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Splits a module into its exported functions' sources (from `export` to the next top-level export). */
function exportedFunctions(source: string): Array<{ name: string; body: string }> {
  const pattern =
    /^export\s+(?:async\s+)?function\s+([A-Za-z0-9_]+)|^export\s+const\s+([A-Za-z0-9_]+)\s*=\s*async/gm;
  const starts = [...source.matchAll(pattern)].map((m) => ({ name: m[1] ?? m[2] ?? '', at: m.index ?? 0 }));
  return starts.map((s, i) => ({
    name: s.name,
    body: source.slice(s.at, starts[i + 1]?.at ?? source.length),
  }));
}

/**
 * The role a function checks first: its first awaited call (reading the route's `params` aside) must be
 * `requireRole('role')` or a gate (a helper whose own first await is requireRole, e.g. a shared route loader).
 */
function inspect(body: string, gates: Map<string, Role>): { role: Role | null; checkedFirst: boolean } {
  const awaits = [
    ...body.matchAll(/\bawait\s+([A-Za-z0-9_.]+)\s*(\(\s*'(viewer|operator|admin)'\s*\))?/g),
  ].filter((m) => !/^(ctx|context|props)?\.?params$/.test(m[1] ?? ''));
  const first = awaits[0];
  if (first?.[1] === 'requireRole' && first[3]) return { role: first[3] as Role, checkedFirst: true };
  if (first?.[1] && gates.has(first[1])) return { role: gates.get(first[1]) ?? null, checkedFirst: true };
  const anywhere = /requireRole\(\s*'(viewer|operator|admin)'\s*\)/.exec(body);
  return { role: (anywhere?.[1] as Role | undefined) ?? null, checkedFirst: false };
}

/** Helpers in app/ and lib/ whose first await is requireRole: calling one first counts as the check. */
function findGates(files: string[]): Map<string, Role> {
  const gates = new Map<string, Role>();
  for (const file of files) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const fn of exportedFunctions(readFileSync(file, 'utf8'))) {
      const { role, checkedFirst } = inspect(fn.body, new Map());
      if (role && checkedFirst && fn.name !== 'requireRole') gates.set(fn.name, role);
    }
  }
  return gates;
}

/** The write guard (lib/http/guard.ts) is called before the handler awaits anything (role, body, AWS). */
function guardedFirst(body: string): boolean {
  const guard = body.search(/\brefuseUnsafeRequest\(/);
  const firstAwait = body.search(/\bawait\b/);
  return guard !== -1 && (firstAwait === -1 || guard < firstAwait);
}

/** A method that changes something (or may): everything but a plain read. */
export function isWrite(door: Door): boolean {
  return door.kind === 'route' && door.name !== 'GET' && door.name !== 'HEAD';
}

function routePath(file: string): string {
  return `/${path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith('[') ? 'door-test-id' : s))
    .join('/')}`;
}

export function findDoors(): Door[] {
  const files = walk(path.join(root, 'app')).map((f) => path.relative(root, f));
  const gates = findGates([...files, ...walk(path.join(root, 'lib')).map((f) => path.relative(root, f))]);
  const doors: Door[] = [];
  for (const file of files) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const source = readFileSync(file, 'utf8');
    if (/^\s*['"]use server['"]/.test(source)) {
      for (const fn of exportedFunctions(source))
        doors.push({ kind: 'action', file, name: fn.name, ...inspect(fn.body, gates) });
    }
    if (path.basename(file) === 'route.ts') {
      for (const fn of exportedFunctions(source)) {
        if (!/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(fn.name)) continue;
        const write = fn.name !== 'GET' && fn.name !== 'HEAD';
        doors.push({
          kind: 'route',
          file,
          name: fn.name,
          path: routePath(file),
          ...inspect(fn.body, gates),
          ...(write ? { guarded: guardedFirst(fn.body) } : {}),
        });
      }
    }
  }
  return doors;
}

export function isPublic(door: Door): boolean {
  return PUBLIC_DOORS.has(door.file) || PUBLIC_DOORS.has(`${door.file}#${door.name}`);
}
