/** Message key of an event's name under `alerts.events` (next-intl keys cannot hold dots). */
export function eventKey(event: string): string {
  return event.replace('.', '_');
}
