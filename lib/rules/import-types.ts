import type { PreflightResult } from '@/lib/preflight/types';
import type { DiffSummary } from './import-diff';

/** What POST /api/rules/import answers (plain JSON: the route, the import and the browser share it). */

export type ImportError = {
  /** The rule's place in the file, from 1 (0: the file as a whole). */
  index: number;
  /** The rule's name as written in the file (`#<index>` when it has none). */
  name: string;
  /** A key under `errors.` (invalidInput, preflightFailed, ruleNotFound…), or importConflict. */
  error: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
  preflight?: PreflightResult;
};

export type ImportReport = DiffSummary & {
  deleteMissing: boolean;
  dryRun: boolean;
  /** The file's changes are in effect (written now, or nothing needed writing). */
  applied: boolean;
  errors: ImportError[];
};
