/** A duration as the message key and values to show it ("4 min 12 s", "2 h 5 min"). */
export function durationMessage(ms: number): {
  key: 'durationSeconds' | 'durationMinutes' | 'durationHours' | 'durationDays';
  values: Record<string, number>;
} {
  const total = Math.max(0, Math.floor(ms / 1000));
  const seconds = total % 60;
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600) % 24;
  const days = Math.floor(total / 86_400);
  if (days > 0) return { key: 'durationDays', values: { days, hours } };
  if (total >= 3600) return { key: 'durationHours', values: { hours, minutes } };
  if (total >= 60) return { key: 'durationMinutes', values: { minutes, seconds } };
  return { key: 'durationSeconds', values: { seconds } };
}
