// Turbopack loader for messages/<locale>/<namespace>.json: compiles every ICU message at build time
// (icu-minify, next-intl's own compiler), so browsers get the <1 KB formatter instead of the ~12 KB gzip
// ICU parser. Same transformation as next-intl's `experimental.messages.precompile`, which expects one
// file per locale; our messages are split per feature.
import compile from 'icu-minify/compile';

function precompile(value, key) {
  if (typeof value === 'string') return compile(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, precompile(v, `${key}.${k}`)]));
  }
  throw new Error(`message ${key} must be a string or an object of messages`);
}

export default function precompileMessages(source) {
  const messages = precompile(JSON.parse(source), this.resourcePath);
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});`;
}
