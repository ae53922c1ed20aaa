import { hasForbiddenChars } from './free-text';

/**
 * A value as one POSIX shell word, for the AWS CLI commands Logport shows and copies. Ordinary names stay bare,
 * as the AWS guide writes them; anything else is single-quoted. A value holding control characters or bidi
 * marks (an export named outside Logport can) gets those characters spelled as ANSI-C escapes (`$'\x1b'`):
 * raw, they would reach the terminal when the command is pasted (an ESC sequence, a carriage return hiding the
 * start of the line, text shown backwards). bash, zsh, ksh and busybox read `$'…'` back as the same character;
 * Debian's dash does not (it has no reason to see such a value: Logport refuses them in what it creates).
 */
const BARE = /^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:=@%+,-]*$/;

const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function escaped(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `$'\\x${code.toString(16).padStart(2, '0')}'`
    : `$'\\u${code.toString(16).padStart(4, '0')}'`;
}

export function shellQuote(value: string): string {
  // `=` is safe inside a word, not at its start (zsh expands `=cmd` to a path).
  if (BARE.test(value)) return value;
  if (!hasForbiddenChars(value)) return quoted(value);
  let out = '';
  let run = '';
  // By UTF-16 unit, so a lone surrogate is escaped on its own instead of being lost.
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const pair =
      code >= 0xd800 && code <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00
        ? value.slice(i, i + 2)
        : null;
    const ch = pair ?? value.charAt(i);
    if (pair) i++;
    if (hasForbiddenChars(ch)) {
      if (run) out += quoted(run);
      run = '';
      out += escaped(ch);
    } else run += ch;
  }
  return run ? out + quoted(run) : out;
}
