import type { CreateExportValues, createExportSchema, fieldErrorsOf } from '@/lib/export-tasks/create-schema';
import type { ExportTask } from '@/lib/export-tasks/types';
import { type Chunk, isChunk } from '@/lib/time-range/chunks';
import { suggestTaskName } from '@/lib/time-range/plan';
import { clampEnd, isPreset, type Preset, presetRange, type Range } from '@/lib/time-range/presets';
import { fromWallTime, isValidTimeZone, parseLocalInput } from '@/lib/time-range/zone';

/** The wizard's step and every choice live in the URL, so a reload or a shared link shows the same thing. */
export const STEPS = ['source', 'range', 'destination', 'review'] as const;
export type Step = (typeof STEPS)[number];

export type WizardState = {
  step: Step;
  groups: string[];
  stream: string;
  preset: Preset;
  start: string; // datetime-local text, used when preset is custom
  end: string;
  tz: string;
  chunk: Chunk;
  bucket: string;
  prefix: string;
  /** null: the generated name (it follows the log group and dates until the user edits it). */
  name: string | null;
  /** Seeds the generated task names of a batch so the review and the queue show the same names. */
  batch: string;
};

export function readState(params: URLSearchParams, defaultZone: string): WizardState {
  const step = params.get('step');
  const preset = params.get('preset');
  const chunk = params.get('chunk');
  return {
    step: (STEPS as readonly string[]).includes(step ?? '') ? (step as Step) : 'source',
    groups: [...new Set(params.getAll('g').filter(Boolean))],
    stream: params.get('stream') ?? '',
    preset: isPreset(preset) ? preset : 'yesterday',
    start: params.get('start') ?? '',
    end: params.get('end') ?? '',
    tz: params.get('tz') ?? defaultZone,
    chunk: isChunk(chunk) ? chunk : 'none',
    bucket: params.get('bucket') ?? '',
    prefix: params.get('prefix') ?? 'exportedlogs',
    name: params.get('name'),
    batch: /^[a-z0-9]{4,12}$/.test(params.get('batch') ?? '') ? (params.get('batch') ?? '') : '',
  };
}

export function writeState(s: WizardState): string {
  const p = new URLSearchParams();
  p.set('step', s.step);
  for (const g of s.groups) p.append('g', g);
  if (s.stream) p.set('stream', s.stream);
  p.set('preset', s.preset);
  if (s.preset === 'custom') {
    p.set('start', s.start);
    p.set('end', s.end);
  }
  p.set('tz', s.tz);
  if (s.chunk !== 'none') p.set('chunk', s.chunk);
  if (s.bucket) p.set('bucket', s.bucket);
  p.set('prefix', s.prefix);
  if (s.name !== null) p.set('name', s.name);
  if (s.batch) p.set('batch', s.batch);
  return p.toString();
}

export type ResolvedRange = { range: Range | null; clamped: boolean; startError?: string; endError?: string };

/** The half-open range the user means: a preset at `now`, or the typed wall times in the zone; never past now. */
export function resolveRange(s: WizardState, now: number): ResolvedRange {
  if (!isValidTimeZone(s.tz)) return { range: null, clamped: false };
  let range: Range;
  if (s.preset !== 'custom') range = presetRange(s.preset, now, s.tz);
  else {
    const start = parseLocalInput(s.start);
    const end = parseLocalInput(s.end);
    if (!start || !end) {
      return {
        range: null,
        clamped: false,
        ...(start ? {} : { startError: 'wizard.errors.startRequired' }),
        ...(end ? {} : { endError: 'wizard.errors.endRequired' }),
      };
    }
    range = { start: fromWallTime(start, s.tz), end: fromWallTime(end, s.tz) };
    // Clamping the end to now would put it before such a start and blame the end; the start is the problem.
    if (range.start >= now) return { range: null, clamped: false, startError: 'wizard.errors.startInFuture' };
  }
  const clamped = clampEnd(range, now);
  return { range: { start: clamped.start, end: clamped.end }, clamped: clamped.clamped };
}

/** What the launch action receives (the shared schema's input). */
export function toValues(
  s: WizardState,
  region: string,
  resolved: ResolvedRange,
  queue = false,
): CreateExportValues {
  return {
    region,
    logGroupNames: s.groups,
    logStreamNamePrefix: s.stream,
    // -1 is refused by the schema; it only stands in when the range could not be read (its error is shown).
    from: resolved.range ? resolved.range.start : -1,
    to: resolved.range ? resolved.range.end - 1 : -1,
    timeZone: s.tz,
    chunk: s.chunk,
    destination: s.bucket,
    destinationPrefix: s.prefix,
    ...(s.name !== null ? { taskName: s.name } : {}),
    ...(s.batch ? { batchId: s.batch } : {}),
    queue,
  };
}

/** Which step shows which field, and the control that takes focus for its error. */
export const FIELD_STEP: Record<string, { step: Step; id: string }> = {
  logGroupNames: { step: 'source', id: 'wizard-group-search' },
  logStreamNamePrefix: { step: 'source', id: 'wizard-stream' },
  from: { step: 'range', id: 'wizard-start' },
  to: { step: 'range', id: 'wizard-end' },
  timeZone: { step: 'range', id: 'wizard-tz' },
  chunk: { step: 'range', id: 'wizard-chunk-none' },
  destination: { step: 'destination', id: 'wizard-bucket' },
  destinationPrefix: { step: 'destination', id: 'wizard-prefix' },
  taskName: { step: 'destination', id: 'wizard-task-name' },
  region: { step: 'source', id: 'wizard-group-search' },
};

/** The shared schema module; the wizard loads it after its first paint (see useWizard) to keep first-load JS small. */
export type ExportRules = {
  createExportSchema: typeof createExportSchema;
  fieldErrorsOf: typeof fieldErrorsOf;
};

/** Every field error (message keys) for the current choices, as the server would find them. */
export function validate(
  rules: ExportRules,
  values: CreateExportValues,
  resolved: ResolvedRange,
): Record<string, string[]> {
  const result = rules.createExportSchema.safeParse(values);
  const errors = result.success ? {} : rules.fieldErrorsOf(result.error);
  // A range that could not be read says so on its own inputs, not as "invalid epoch".
  if (!resolved.range) {
    delete errors.from;
    delete errors.to;
    if (resolved.startError) errors.from = [resolved.startError];
    if (resolved.endError) errors.to = [resolved.endError];
  }
  return errors;
}

export function errorsForStep(errors: Record<string, string[]>, step: Step): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => FIELD_STEP[field]?.step === step));
}

/** datetime-local text for an instant in UTC, with seconds and milliseconds only when they are not zero. */
function utcWall(ms: number): string {
  return new Date(ms)
    .toISOString()
    .slice(0, 23)
    .replace(/\.000$/, '')
    .replace(/:00$/, '');
}

/**
 * The name of an export made again: `aws-lambda-orders-api-20260514-20260514-again-k3x9`. The dates are read to
 * the minute, so an inclusive `to` of exactly midnight (the CLI's habit) names the day it closes rather than
 * `…T0000`; `unique` (random, from the caller) makes every "again" a name of its own, so a new export is never
 * mistaken for the original, or for an earlier "again", when AWS's answer to its launch is lost
 * (lib/export-tasks/create.ts).
 */
export function againTaskName(
  task: Pick<ExportTask, 'logGroupName' | 'from' | 'to'>,
  unique: string,
): string {
  const end = Math.floor((task.to + 1) / 60_000) * 60_000;
  return suggestTaskName(
    task.logGroupName,
    { from: task.from, to: Math.max(task.from, end - 1) },
    'UTC',
    `again-${unique}`,
  );
}

/**
 * The wizard at its review step, prefilled with an export's log group, exact range (in UTC) and destination:
 * "export this again", under a name of its own (againTaskName).
 */
export function exportAgainHref(
  task: Pick<ExportTask, 'logGroupName' | 'from' | 'to' | 'destination'> & { destinationPrefix: string },
  unique: string,
): string {
  const state: WizardState = {
    step: 'review',
    groups: [task.logGroupName],
    stream: '',
    preset: 'custom',
    start: utcWall(task.from),
    // AWS's `to` is inclusive; the wizard's end is not.
    end: utcWall(task.to + 1),
    tz: 'UTC',
    chunk: 'none',
    bucket: task.destination,
    prefix: task.destinationPrefix,
    name: againTaskName(task, unique),
    batch: '',
  };
  return `/exports/new?${writeState(state)}`;
}
