'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import { touchesRecentHours } from '@/lib/time-range/presets';
import { formatDate, formatDateTime } from './format';
import type { Wizard } from './use-wizard';

const DAY = 86_400_000;

/** What the range means for the chosen groups: nothing to export, a clamped end, data not exportable yet. */
export function RangeNotes({ wizard, info }: { wizard: Wizard; info: Record<string, LogGroupSummary> }) {
  const t = useTranslations('wizard');
  const locale = useLocale();
  const { resolved, now, state } = wizard;
  const range = resolved.range;
  if (!range || range.start >= range.end) return null;
  const notes: { key: string; tone: 'warning' | 'info'; text: string }[] = [];
  for (const name of state.groups) {
    const g = info[name];
    if (!g) continue;
    if (g.creationTime !== null && range.end <= g.creationTime) {
      notes.push({
        key: `created-${name}`,
        tone: 'warning',
        text: t('range.beforeCreation', { group: name, date: formatDate(g.creationTime, locale, state.tz) }),
      });
    } else if (g.retentionInDays && range.end <= now - g.retentionInDays * DAY) {
      notes.push({
        key: `retention-${name}`,
        tone: 'warning',
        text: t('range.beyondRetention', { group: name, days: g.retentionInDays }),
      });
    } else if (g.retentionInDays && range.start < now - g.retentionInDays * DAY) {
      notes.push({
        key: `partial-${name}`,
        tone: 'info',
        text: t('range.partlyRetained', {
          group: name,
          days: g.retentionInDays,
          date: formatDateTime(now - g.retentionInDays * DAY, locale, state.tz),
        }),
      });
    }
  }
  if (resolved.clamped) notes.push({ key: 'clamped', tone: 'info', text: t('range.clamped') });
  if (touchesRecentHours(range, now)) notes.push({ key: 'recent', tone: 'info', text: t('range.recent') });
  if (notes.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="range-notes">
      {notes.map((n) => (
        <Alert key={n.key} tone={n.tone}>
          {n.text}
        </Alert>
      ))}
    </div>
  );
}
