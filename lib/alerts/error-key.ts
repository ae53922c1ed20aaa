/** The message key (under `errors.`) of a delivery attempt's error code: `timeout` → `alertTimeout`. */
export function attemptErrorKey(code: string): string {
  return `alert${code.charAt(0).toUpperCase()}${code.slice(1)}`;
}
