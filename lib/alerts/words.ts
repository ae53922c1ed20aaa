import 'server-only';
import errors from '@/messages/en/errors.json';
import { utcText } from './message';

/**
 * The plain English sentences of alert messages (a webhook's receiver is a channel or a tool, not a page: one
 * language, the one the issue asks for). AWS's own words are passed on as they are.
 */

const ERRORS = errors as Record<string, unknown>;

/** Our words for an error code (messages/en/errors.json), its simple placeholders filled in. */
export function errorWords(code: string | null, params: Record<string, string>): string | null {
  const text = code ? ERRORS[code] : undefined;
  if (typeof text !== 'string') return null;
  // Plural and select forms are not filled here: such a message falls back to the code's generic sentence.
  if (/\{\s*\w+\s*,/.test(text)) return null;
  return text.replace(/\{\s*(\w+)\s*\}/g, (_, name: string) => params[name] ?? '');
}

export function rangeText(start: number, end: number): string {
  return `${utcText(start)} to ${utcText(end)}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
