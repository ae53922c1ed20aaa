/**
 * Rules for the text people type into Logport (task names, prefixes, filters), shared by every schema; runs in
 * the browser and on the server.
 *
 * Refused: C0 controls (NUL, BEL, ESC, tab, line breaks…), DEL, C1 controls, the invisible bidirectional marks
 * and overrides (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the line and paragraph separators
 * (U+2028, U+2029), and lone surrogates (not Unicode at all: AWS would refuse them, and they cannot be stored as
 * UTF-8). A task name with U+202E reads backwards in the history and the activity log; an ESC sequence in a
 * name rewrites the terminal of whoever `cat`s an export listing; a newline forges a line in a log. None of
 * these has a legitimate use in a name or a key prefix, so they are refused (with a message saying so), not
 * silently dropped: what is stored is what the user saw.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function hasForbiddenChars(value: string): boolean {
  return FORBIDDEN.test(value) || !isWellFormed(value);
}

function isWellFormed(value: string): boolean {
  // String.prototype.isWellFormed is ES2024 (Node 20, current browsers); the loop is the fallback.
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(value);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * Characters an S3 key prefix may hold but a bucket policy's Resource cannot: `*` and `?` are wildcards there
 * and `${…}` is a policy variable, so `logs/*` would grant every key under `logs/`, not the folder named `*`.
 * IAM's `${*}`/`${?}` escapes exist, but every reader of the policy (people, Logport's own checker, the
 * account's other tools) would have to understand them; refusing keeps the policy literal.
 */
export function hasPolicyWildcard(prefix: string): boolean {
  return /[*?]|\$\{/.test(prefix);
}
