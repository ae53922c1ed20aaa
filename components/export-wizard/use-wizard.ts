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
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});

  const write = useCallback((next: WizardState, mode: 'push' | 'replace') => {
    setState(next);
    const url = `${window.location.pathname}?${writeState(next)}`;
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  useEffect(() => {
    const onPop = () => setState(readState(new URLSearchParams(window.location.search), serverZone));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [serverZone]);

  const update = useCallback((patch: Partial<WizardState>) => {
    // What the server said was about the old values; the form's own checks take over again.
    setServerErrors({});
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
    if (Object.keys(patch).length) update(patch);
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

  // Errors are shown for steps the user tried to leave (or launch from), and whatever the server said.
  const shownErrors: Record<string, string[]> = { ...serverErrors };
  for (const [field, keys] of Object.entries(allErrors)) {
    const step = FIELD_STEP[field]?.step;
    if (step && attempted.has(step)) shownErrors[field] = keys;
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
