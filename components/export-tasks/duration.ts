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

/** A byte count in the largest unit that keeps it at 1 or more (S3 sizes, 1024-based like the AWS console). */
export function sizeParts(bytes: number): {
  value: number;
  unit: 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte';
} {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return { value: i === 0 ? value : Math.round(value * 10) / 10, unit: units[i] ?? 'byte' };
}

/** UTC in ISO form without milliseconds noise, for the tooltip next to the viewer's local time. */
export function utcText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
