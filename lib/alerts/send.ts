import 'server-only';

/**
 * One delivery attempt, with the care a URL typed by an admin still needs: 5 s for the connection and the answer
 * together (a receiver that hangs is cut off), no redirect followed (`redirect: 'manual'`: a 3xx is a failure,
 * so a receiver cannot bounce Logport's POST to another address), and at most 4 KB of the answer read (the rest
 * is never downloaded). What it records is a status, a duration and a short error code: never a stack, never
 * an address from a network error.
 */
export const ATTEMPT_TIMEOUT_MS = 5_000;
export const MAX_ANSWER_BYTES = 4_096;

export type AttemptError =
  | 'timeout'
  | 'redirectRefused'
  | 'httpStatus'
  | 'connectionRefused'
  | 'hostNotFound'
  | 'tlsFailed'
  | 'connectionFailed'
  | 'secretUnreadable'
  | 'accountUnknown'
  | 'webhookGone';

export type AttemptResult = {
  ok: boolean;
  statusCode: number | null;
  error: AttemptError | null;
  durationMs: number;
  /** The start of the receiver's answer (admins see it, escaped, in the delivery log). */
  answer: string | null;
};

export async function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  { timeoutMs = ATTEMPT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal,
      cache: 'no-store',
    });
  } catch (err) {
    return {
      ok: false,
      statusCode: null,
      error: networkError(err, signal),
      durationMs: elapsed(),
      answer: null,
    };
  }
  // The answer's start is read under the same deadline; a receiver that sends its headers and then stalls is cut.
  const answer = await readCapped(response, MAX_ANSWER_BYTES).catch(() => null);
  const status = response.status;
  const ok = status >= 200 && status < 300;
  const error: AttemptError | null = ok
    ? null
    : status >= 300 && status < 400
      ? 'redirectRefused'
      : 'httpStatus';
  return { ok, statusCode: status, error, durationMs: elapsed(), answer };
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const step = await reader.read();
      if (step.done) break;
      chunks.push(step.value);
      total += step.value.byteLength;
    }
  } finally {
    // Whatever is left is not downloaded: the connection is dropped.
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, maxBytes);
  // A cut in the middle of a UTF-8 character becomes U+FFFD, never an exception.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function networkError(err: unknown, signal: AbortSignal): AttemptError {
  if (signal.aborted) return 'timeout';
  const cause = (err as { cause?: { code?: string; name?: string } } | null)?.cause;
  const code = cause?.code ?? '';
  if (
    cause?.name === 'TimeoutError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT'
  )
    return 'timeout';
  if (code === 'ECONNREFUSED') return 'connectionRefused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'hostNotFound';
  if (/^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return 'tlsFailed';
  return 'connectionFailed';
}
