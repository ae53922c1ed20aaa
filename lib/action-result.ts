/** What every server action returns: actions never throw to the client. `error` is a message key under `errors.`. */
export type ActionError = {
  ok: false;
  error: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
};
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionError;

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(error: string, params?: Record<string, string | number>): ActionError {
  return params ? { ok: false, error, params } : { ok: false, error };
}
