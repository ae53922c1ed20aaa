import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasForbiddenChars } from './free-text';
import { shellQuote } from './shell-quote';

/** What bash makes of the quoted word (the AWS guide's shell): the exact bytes of each argument. */
function bashWords(line: string): string[] {
  const out = execFileSync('bash', ['-c', `for a in ${line}; do printf '%s\\0' "$a"; done`], {
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('keeps ordinary names bare and quotes the rest as one word', () => {
    expect(shellQuote('my-log-group')).toBe('my-log-group');
    expect(shellQuote('=ls')).toBe("'=ls'");
    for (const odd of ["it's", 'a b', '$HOME', 'x;rm -rf /', '`cmd`', 'ログ', ''])
      expect(bashWords(shellQuote(odd))).toEqual([odd]);
  });

  it('never puts a raw control character or bidi mark in the command, and bash reads back the same value', () => {
    for (const odd of [
      'a\u001b[2Jb',
      'name\rfake',
      'two\nlines',
      'tab\there',
      'rev\u202etxt',
      "q'\u0007'",
      '\u2066x\u2069',
    ]) {
      const word = shellQuote(odd);
      expect(hasForbiddenChars(word), JSON.stringify(odd)).toBe(false);
      expect(bashWords(word)).toEqual([odd]);
    }
    expect(shellQuote('a\u001bb')).toBe("'a'$'\\x1b''b'");
  });
});
