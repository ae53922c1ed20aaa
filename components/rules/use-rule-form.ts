'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ruleInputSchema } from '@/lib/rules/schema';
import {
  FIELD_IDS,
  FORM_FIELDS,
  type FormField,
  type FormScope,
  type RuleFormState,
  TOUCHES,
  validateForm,
  WAITS_FOR_BLUR,
} from './form-state';

type Errors = Partial<Record<FormField, string[]>>;
const NONE: Errors = {};

/**
 * The rule form's state and its errors, checked with the one rule schema as the user types: a rule shows on a
 * field once it has been changed ("required" waits until the field is left), every rule shows after a save
 * was tried, and what the server said shows until the field changes again.
 */
export function useRuleForm(initial: RuleFormState, scope: FormScope) {
  const [state, setState] = useState(initial);
  const [schema, setSchema] = useState<typeof ruleInputSchema | null>(null);
  // The schema arrives a moment after the first paint (it is not needed to show the form).
  useEffect(() => {
    let live = true;
    void import('@/lib/rules/schema').then((m) => {
      if (live) setSchema(() => m.ruleInputSchema);
    });
    return () => {
      live = false;
    };
  }, []);
  const [touched, setTouched] = useState<Set<FormField>>(new Set());
  const [blurred, setBlurred] = useState<Set<FormField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>(NONE);

  const allErrors = useMemo(
    () => (schema ? validateForm(schema, state, scope) : null),
    [schema, state, scope],
  );

  const shown: Errors = {};
  for (const field of [...FORM_FIELDS, 'form'] as FormField[]) {
    const keys = allErrors?.[field] ?? [];
    const visible =
      attempted || blurred.has(field)
        ? keys
        : touched.has(field)
          ? keys.filter((k) => !WAITS_FOR_BLUR.has(k))
          : [];
    const server = serverErrors[field] ?? [];
    const all = [...new Set([...server, ...visible])];
    if (all.length > 0) shown[field] = all;
  }

  const update = useCallback((patch: Partial<RuleFormState>) => {
    const fields = Object.keys(patch).flatMap((k) => TOUCHES[k as keyof RuleFormState] ?? []);
    setServerErrors((prev) => {
      if (fields.every((f) => !prev[f])) return prev;
      const next = { ...prev };
      for (const f of fields) delete next[f];
      return next;
    });
    setTouched((prev) => (fields.every((f) => prev.has(f)) ? prev : new Set([...prev, ...fields])));
    setState((prev) => ({ ...prev, ...patch }));
  }, []);

  const blur = useCallback((field: FormField) => {
    setBlurred((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  }, []);

  function focusFirst(errors: Errors) {
    const first = [...FORM_FIELDS, 'form' as const].find((f) => errors[f]);
    if (first) setTimeout(() => document.getElementById(FIELD_IDS[first])?.focus(), 30);
  }

  /** Before saving: true when every field is valid, else every problem shows and the first gets focus. */
  function checkAll(): boolean {
    if (!allErrors) return false;
    if (Object.keys(allErrors).length === 0) return true;
    setAttempted(true);
    focusFirst(allErrors);
    return false;
  }

  function showServerErrors(errors: Errors) {
    setServerErrors(errors);
    setAttempted(true);
    focusFirst(errors);
  }

  return {
    state,
    update,
    blur,
    checkAll,
    showServerErrors,
    /** null until the schema has loaded. */
    allErrors,
    errors: shown,
    ready: allErrors !== null,
  };
}

export type RuleForm = ReturnType<typeof useRuleForm>;
