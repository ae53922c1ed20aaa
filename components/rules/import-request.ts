import { IMPORT_MAX_BYTES } from '@/lib/rules/import-file';
import type { ImportError, ImportReport } from '@/lib/rules/import-types';

/**
 * The browser's side of POST /api/rules/import: the text the user chose or pasted, read as JSON, sent with
 * `dryRun` (check) or without (apply). The server decides everything; this only shapes the body and the answer.
 */

export type ImportAnswer =
  | { kind: 'report'; report: ImportReport }
  /** The file itself is refused (not a rules file, another version, too many rules): field → message keys. */
  | { kind: 'file'; fieldErrors: Record<string, string[]> }
  /** Not JSON at all (nothing was sent). */
  | { kind: 'unreadable' }
  /** The request was refused as a whole (a key under `errors.`, e.g. forbidden, payloadTooLarge, internal). */
  | { kind: 'refused'; error: string; params?: Record<string, string | number> };

/** The body for the route: an exported file, or a bare list of rules; other keys of the file are not sent. */
export function importBody(text: string, options: { dryRun: boolean; deleteMissing: boolean }): unknown {
  const parsed = JSON.parse(text) as unknown;
  const file =
    Array.isArray(parsed) || typeof parsed !== 'object' || parsed === null
      ? { rules: Array.isArray(parsed) ? parsed : null }
      : {
          ...('version' in parsed ? { version: (parsed as { version: unknown }).version } : {}),
          rules: (parsed as { rules?: unknown }).rules ?? null,
        };
  return { ...file, ...options };
}

export async function sendImport(
  text: string,
  options: { dryRun: boolean; deleteMissing: boolean },
): Promise<ImportAnswer> {
  let body: unknown;
  try {
    body = importBody(text, options);
  } catch {
    return { kind: 'unreadable' };
  }
  let res: Response;
  try {
    res = await fetch('/api/rules/import', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { kind: 'refused', error: 'network' };
  }
  const answer = (await res.json().catch(() => null)) as
    | (Partial<ImportReport> & {
        error?: string;
        params?: Record<string, string | number>;
        fieldErrors?: Record<string, string[]>;
      })
    | null;
  if (answer && Array.isArray(answer.errors) && Array.isArray(answer.added))
    return { kind: 'report', report: answer as ImportReport };
  if (answer?.error === 'invalidInput' && answer.fieldErrors)
    return { kind: 'file', fieldErrors: answer.fieldErrors };
  return {
    kind: 'refused',
    error: answer?.error ?? 'internal',
    ...(answer?.params ? { params: answer.params } : {}),
  };
}

export type { ImportError, ImportReport };
export { IMPORT_MAX_BYTES };
