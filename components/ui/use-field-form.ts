'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

type FieldErrors = Record<string, string[]>;

/**
 * A small form's state checked as it is typed: the values, which fields were touched (errors show only there),
 * the errors of the shared schema (`check`) merged with the server's, each error's message key in words, and
 * a reset after success. Used by the webhook and token forms (Settings, Alerts).
 */
export function useFieldForm<State>(empty: State, check: (state: State) => FieldErrors) {
  const tAll = useTranslations();
  const [state, setState] = useState<State>(empty);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const errors = { ...check(state), ...serverErrors };
  const words = (field: string) =>
    touched[field]
      ? errors[field]?.map((k) => (tAll.has(k as 'common.appName') ? tAll(k as 'common.appName') : k))
      : undefined;
  return {
    state,
    touched,
    words,
    /** Whether the schema finds a problem (the server's own answers aside). */
    invalid: () => Object.keys(check(state)).length > 0,
    touch: (...fields: string[]) =>
      setTouched((s) => ({ ...s, ...Object.fromEntries(fields.map((f) => [f, true])) })),
    update(change: Partial<State>) {
      setState((s) => ({ ...s, ...change }));
      setServerErrors({});
    },
    setServerErrors,
    reset() {
      setState(empty);
      setTouched({});
    },
  };
}
