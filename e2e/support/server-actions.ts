import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { E2E } from './env';

/**
 * Calls a server action directly over HTTP, the way a browser's form or `startTransition` call does: POST to a
 * page that uses it, with the action's id in the `Next-Action` header and the arguments as a JSON array.
 * Proves that an action checks the caller itself (an action is a public endpoint, whatever the UI shows).
 * The id comes from the build's server-reference manifest, found by the action's exported name and file.
 */
type ManifestEntry = {
  workers: Record<string, unknown>;
  exportedName?: string;
  filename?: string;
};
type Manifest = { node: Record<string, ManifestEntry>; edge: Record<string, ManifestEntry> };

export type ServerActionRef = { id: string; page: string; workers: string[] };

export function distDir(): string {
  return path.resolve(process.env.NEXT_DIST_DIR || '.next');
}

function readManifest(): Manifest {
  const file = path.join(distDir(), 'server', 'server-reference-manifest.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** `app/(console)/exports/[taskId]/page` → `/exports/[taskId]` (route groups dropped). */
export function routeOfWorker(worker: string): string {
  const route = worker
    .replace(/^app/, '')
    .replace(/\/(page|route)$/, '')
    .split('/')
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join('/');
  return route || '/';
}

/** Finds an action by its exported name and source file (e.g. `app/(console)/exports/actions.ts`). */
export function findServerAction(file: string, exportedName: string): ServerActionRef {
  const manifest = readManifest();
  const wanted = file.replace(/\\/g, '/').replace(/^\.\//, '');
  for (const entries of [manifest.node, manifest.edge]) {
    for (const [id, entry] of Object.entries(entries ?? {})) {
      if (entry.exportedName !== exportedName) continue;
      if (entry.filename !== undefined && entry.filename.replace(/\\/g, '/') !== wanted) continue;
      const workers = Object.keys(entry.workers);
      const page =
        workers.map(routeOfWorker).find((r) => !r.includes('[')) ?? routeOfWorker(workers[0] ?? 'app');
      return { id, page, workers };
    }
  }
  throw new Error(
    `server action ${exportedName} from ${file} is not in ${distDir()}'s manifest (is it built?)`,
  );
}

/** Every action in the build (for "every door is locked" tests). */
export function listServerActions(): Array<ServerActionRef & { file: string; name: string }> {
  const manifest = readManifest();
  return Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    return {
      id,
      file: entry.filename ?? '',
      name: entry.exportedName ?? '',
      workers,
      page: workers.map(routeOfWorker).find((r) => !r.includes('[')) ?? routeOfWorker(workers[0] ?? 'app'),
    };
  });
}

export type ServerActionResponse = { status: number; body: string; contentType: string };

/**
 * POSTs to the action. `request` carries the caller's cookies (e.g. `page.request`, or a context made with a
 * role's storage state). Returns the HTTP status and the raw RSC body; `actionResult` picks the value out.
 */
export async function callServerAction(
  request: APIRequestContext,
  action: { file: string; name: string; path?: string },
  args: unknown[],
): Promise<ServerActionResponse> {
  const ref = findServerAction(action.file, action.name);
  const res = await request.post(action.path ?? ref.page, {
    headers: {
      'Next-Action': ref.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: E2E.appUrl,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  return { status: res.status(), body: await res.text(), contentType: res.headers()['content-type'] ?? '' };
}

/**
 * The action's return value from an RSC answer: the line whose JSON is an object with `ok` (ActionResult).
 * Good enough for plain JSON results; returns null when none is found.
 */
export function actionResult(body: string): Record<string, unknown> | null {
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    try {
      const value: unknown = JSON.parse(line.slice(colon + 1));
      if (value && typeof value === 'object' && 'ok' in value) return value as Record<string, unknown>;
    } catch {
      // not a JSON row (e.g. a reference or a text chunk)
    }
  }
  return null;
}
