'use client';

import { useSearchParams } from 'next/navigation';
import { useTimeZone } from 'next-intl';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { countChunks } from '@/lib/time-range/chunks';
import { batchIds, planExports, shortId, suggestTaskName } from '@/lib/time-range/plan';
import {
  type ExportRules,
  FIELD_STEP,
  readState,
  resolveRange,
  STEPS,
  type Step,
  toValues,
  validate,
  type WizardState,
  writeState,
} from './state';

const NOT_CHECKED: Record<string, string[]> = {};

/** The fields a change to each piece of state can make wrong (their errors show while the user types). */
const TOUCHES: Partial<Record<keyof WizardState, string[]>> = {
  groups: ['logGroupNames'],
  stream: ['logStreamNamePrefix'],
  preset: ['from', 'to', 'chunk'],
  start: ['from', 'to', 'chunk'],
  end: ['from', 'to', 'chunk'],
  tz: ['timeZone', 'from', 'to', 'chunk'],
  chunk: ['chunk'],
  bucket: ['destination'],
  prefix: ['destinationPrefix'],
  name: ['taskName'],
};

/**
 * "Required" and "too short" are not errors yet while the user is still typing: they wait for the field to
 * be left (blur) or for Next. Every other rule (a character not allowed, too long) shows at once.
 */
const WAITS_FOR_BLUR = new Set([
  'wizard.errors.logGroupRequired',
  'wizard.errors.bucketRequired',
  'wizard.errors.bucketLength',
  'wizard.errors.taskNameRequired',
  'wizard.errors.startRequired',
  'wizard.errors.endRequired',
]);

/**
 * The wizard's state, kept in the URL with history.pushState/replaceState (no server round trip per
 * keystroke): Back and Forward move between steps, a reload or a shared link keeps every choice.
 */
export function useWizard(region: string, serverNow: number) {
  const params = useSearchParams();
  const serverZone = useTimeZone() ?? 'UTC';
  // React state is the source of truth (a controlled input must not wait for the URL to catch up); every
  // change is mirrored into the URL, and Back/Forward read it back.
  const [state, setState] = useState(() => readState(new URLSearchParams(params.toString()), serverZone));
  const [now, setNow] = useState(serverNow);
  const [attempted, setAttempted] = useState<Set<Step>>(new Set());
  // Fields the user changed (their rule applies as they type) and left (every rule applies).
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [blurred, setBlurred] = useState<Set<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});

  const write = useCallback((next: WizardState, mode: 'push' | 'replace') => {
    setState(next);
    const url = `${window.location.pathname}?${writeState(next)}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  useEffect(() => {
    const onPop = () => {
      setState(readState(new URLSearchParams(window.location.search), serverZone));
      setNow(Date.now());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [serverZone]);

  const update = useCallback((patch: Partial<WizardState>, user = true) => {
    // What the server said was about the old values; the form's own checks take over again.
    setServerErrors({});
    if (user) {
      const fields = Object.keys(patch).flatMap((k) => TOUCHES[k as keyof WizardState] ?? []);
      if (fields.length > 0) setTouched((prev) => new Set([...prev, ...fields]));
    }
    setState((prev) => {
      const next = { ...prev, ...patch };
      window.history.replaceState(null, '', `${window.location.pathname}?${writeState(next)}`);
      return next;
    });
  }, []);

  // After hydration: the real clock, the browser's own zone when the URL names none, and a batch seed.
  useEffect(() => {
    setNow(Date.now());
    const current = new URLSearchParams(window.location.search);
    const patch: Partial<WizardState> = {};
    if (!current.get('tz')) patch.tz = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    if (!current.get('batch')) patch.batch = shortId(5);
    if (Object.keys(patch).length) update(patch, false);
  }, [update]);

  const resolved = useMemo(() => resolveRange(state, now), [state, now]);
  const chunkCount = resolved.range
    ? countChunks(resolved.range.start, resolved.range.end - 1, state.chunk, state.tz)
    : 0;
  const exportCount = chunkCount * state.groups.length;
  const suggestedName =
    resolved.range && state.groups[0]
      ? suggestTaskName(state.groups[0], { from: resolved.range.start, to: resolved.range.end - 1 }, state.tz)
      : '';
  const single = exportCount === 1;
  const effective: WizardState = single && state.name === null ? { ...state, name: suggestedName } : state;
  const values = toValues(effective, region, resolved);
  // The schema (zod) arrives a moment after the first paint; until then nothing can be launched or left.
  const [rules, setRules] = useState<ExportRules | null>(null);
  useEffect(() => {
    let live = true;
    void import('@/lib/export-tasks/create-schema').then((m) => {
      if (live) setRules(m);
    });
    return () => {
      live = false;
    };
  }, []);
  const checked = useMemo(
    () => (rules ? validate(rules, values, resolved) : null),
    [rules, values, resolved],
  );
  const allErrors = checked ?? NOT_CHECKED;

  // Errors are shown as the user types (see WAITS_FOR_BLUR), for fields left, for steps the user tried to
  // leave (or launch from), and whatever the server said.
  const shownErrors: Record<string, string[]> = { ...serverErrors };
  for (const [field, keys] of Object.entries(allErrors)) {
    const step = FIELD_STEP[field]?.step;
    const all = (step && attempted.has(step)) || blurred.has(field);
    const shown = all ? keys : touched.has(field) ? keys.filter((k) => !WAITS_FOR_BLUR.has(k)) : [];
    if (shown.length > 0) shownErrors[field] = shown;
  }

  const plan = useMemo(
    () =>
      checked && resolved.range && state.groups.length > 0 && !Object.keys(checked).length
        ? planExports({
            region,
            logGroupNames: state.groups,
            ...(state.stream ? { logStreamNamePrefix: state.stream } : {}),
            from: resolved.range.start,
            to: resolved.range.end - 1,
            chunk: state.chunk,
            timeZone: state.tz,
            destination: state.bucket,
            destinationPrefix: state.prefix || 'exportedlogs',
            ...(effective.name ? { taskName: effective.name } : {}),
            makeId: batchIds(state.batch || 'x0000'),
          })
        : [],
    [resolved, state, region, checked, effective.name],
  );

  function focusFirstError(errors: Record<string, string[]>) {
    const first = Object.keys(FIELD_STEP).find((f) => errors[f]);
    const target = first ? FIELD_STEP[first] : undefined;
    if (!target) return;
    if (target.step !== state.step) write({ ...state, step: target.step }, 'push');
    // Wait for the step to render before moving focus to the control that has the problem.
    setTimeout(() => document.getElementById(target.id)?.focus(), 50);
  }

  function goTo(step: Step) {
    // A relative range ("last 24 hours") is counted from the moment a step opens: the review shows the exact
    // range, and the launch sends exactly what the review showed (nothing recounts it behind the user's back).
    setNow(Date.now());
    write({ ...state, step }, 'push');
    setTimeout(() => document.getElementById('wizard-step-heading')?.focus(), 50);
  }

  /** Next: only when this step's fields are valid; otherwise show its errors and focus the first. */
  function next() {
    if (!checked) return;
    const stepErrors = Object.fromEntries(
      Object.entries(allErrors).filter(([f]) => FIELD_STEP[f]?.step === state.step),
    );
    if (Object.keys(stepErrors).length > 0) {
      setAttempted((a) => new Set(a).add(state.step));
      focusFirstError(stepErrors);
      return;
    }
    const i = STEPS.indexOf(state.step);
    const nextStep = STEPS[i + 1];
    if (nextStep) goTo(nextStep);
  }

  function back() {
    const prev = STEPS[STEPS.indexOf(state.step) - 1];
    if (prev) goTo(prev);
  }

  /** Before launching: every step's errors count. Returns false (and shows them) when any exist. */
  function checkAll(): boolean {
    if (!checked) return false;
    if (Object.keys(allErrors).length === 0) return true;
    setAttempted(new Set(STEPS));
    focusFirstError(allErrors);
    return false;
  }

  /** A field was left: its "required" and "too short" rules apply now too. */
  function blur(field: string) {
    if (!blurred.has(field)) setBlurred((prev) => new Set(prev).add(field));
  }

  /** Counts a relative range from now again (the review offers it after a long pause). */
  function recount() {
    setNow(Date.now());
  }

  function showServerErrors(errors: Record<string, string[]>) {
    setServerErrors(errors);
    setAttempted(new Set(STEPS));
    focusFirstError(errors);
  }

  return {
    state: effective,
    rawName: state.name,
    update,
    goTo,
    next,
    back,
    checkAll,
    blur,
    recount,
    showServerErrors,
    now,
    resolved,
    values,
    allErrors,
    /** False for the moment before the shared schema has loaded: nothing can be checked or launched yet. */
    ready: checked !== null,
    errors: shownErrors,
    exportCount,
    chunkCount,
    suggestedName,
    plan,
  };
}

export type Wizard = ReturnType<typeof useWizard>;
