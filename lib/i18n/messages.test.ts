import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, NAMESPACES } from './config';

const dir = path.resolve('messages');

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      for (const [fk, fv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(fk, fv);
  }
  return out;
}

// Top-level ICU arguments only ({name}, {count, plural, ...}); nested plural bodies are not arguments.
function argumentsOf(message: string): string[] {
  const args = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '{') {
      if (depth === 0) {
        const m = /^\{\s*([A-Za-z0-9_]+)/.exec(message.slice(i));
        if (m?.[1]) args.add(m[1]);
      }
      depth++;
    } else if (c === '}') depth--;
  }
  return [...args].sort();
}

describe('messages', () => {
  it('has a file per namespace and locale, and nothing else', () => {
    for (const locale of ['en', 'ja']) {
      expect(readdirSync(path.join(dir, locale)).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: every English text exists in Japanese with the same placeholders, and no more`, () => {
      const en = flatten(JSON.parse(readFileSync(path.join(dir, 'en', `${ns}.json`), 'utf8')));
      const ja = flatten(JSON.parse(readFileSync(path.join(dir, 'ja', `${ns}.json`), 'utf8')));
      expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(argumentsOf(ja.get(key) ?? ''), `${ns}.${key}`).toEqual(argumentsOf(text));
        expect((ja.get(key) ?? '').trim(), `${ns}.${key} is empty in Japanese`).not.toBe('');
      }
    });

    it(`${ns}: every text is valid ICU message syntax in both languages`, () => {
      for (const locale of ['en', 'ja']) {
        const texts = flatten(JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), 'utf8')));
        for (const [key, text] of texts) {
          expect(() => new IntlMessageFormat(text, locale), `${locale} ${ns}.${key}`).not.toThrow();
        }
      }
    });

    it(`${ns}: Japanese plurals use exact matches (=1), never "one"/"two"/"few"/"many"`, () => {
      // Japanese has only the plural category "other": a `one {…}` branch is silently never chosen.
      const texts = flatten(JSON.parse(readFileSync(path.join(dir, 'ja', `${ns}.json`), 'utf8')));
      for (const [key, text] of texts) {
        expect(/\b(zero|one|two|few|many)\s*\{/.test(text), `ja ${ns}.${key}`).toBe(false);
      }
    });
  }

  it('a one-export plan reads as one export in both languages, not as a queue', () => {
    for (const locale of ['en', 'ja']) {
      const wizard = JSON.parse(readFileSync(path.join(dir, locale, 'wizard.json'), 'utf8')) as {
        range: { chunkHint: string };
      };
      const text = String(
        new IntlMessageFormat(wizard.range.chunkHint, locale).format({ exports: 1, groups: 1, chunks: 1 }),
      );
      expect(text, locale).not.toMatch(/queue|キュー/);
    }
  });
});

describe('locale from Accept-Language', () => {
  it('follows the browser with quality values', () => {
    expect(localeFromAcceptLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,ja;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,ja;q=0.5')).toBe('ja');
    expect(localeFromAcceptLanguage('de-DE')).toBe('en');
    expect(localeFromAcceptLanguage('ja;q=0,en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });
});
