/**
 * Why the queue refused a change. `code` is a message key under `errors.` (messages/<locale>/errors.json),
 * so an action can return it as `fail(err.code, err.params)`.
 */
export class QueueError extends Error {
  constructor(
    readonly code: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'QueueError';
  }
}
