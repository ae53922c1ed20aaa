'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/lib/format/use-format';
import type { LogGroupSummary } from '@/lib/log-groups/search';
import { touchesRecentHours } from '@/lib/time-range/presets';
import { formatLocalInput } from '@/lib/time-range/zone';
import type { Wizard } from './use-wizard';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The oldest instant a group with this retention still stores, rounded up to a whole minute so the clipped
 * start reads cleanly and stays inside the retention for the minute it takes to launch.
 */
export function oldestExportable(retentionInDays: number, now: number): number {
  return Math.ceil((now - retentionInDays * DAY) / MINUTE) * MINUTE;
}

type Note = { key: string; tone: 'warning' | 'info'; text: string; clipTo?: number };

/**
 * What the range means for the chosen groups: nothing to export (created later, all past retention, no stored
 * data), a start before the retention (with the oldest exportable time and "clip to retention"), a clamped
 * end, data not exportable yet.
 */
export function RangeNotes({ wizard, info }: { wizard: Wizard; info: Record<string, LogGroupSummary> }) {
  const t = useTranslations('wizard');
  const f = useFormat();
  const { resolved, now, state, update } = wizard;
  const range = resolved.range;
  if (!range || range.start >= range.end) return null;
  const notes: Note[] = [];
  for (const name of state.groups) {
    const g = info[name];
    if (!g) continue;
    if (g.storedBytes === 0) {
      notes.push({
        key: `empty-${name}`,
        tone: 'warning',
        text: t('range.emptyGroup', { group: name, size: f.bytes(0) }),
      });
      continue;
    }
    if (g.creationTime !== null && range.end <= g.creationTime) {
      notes.push({
        key: `created-${name}`,
        tone: 'warning',
        text: t('range.beforeCreation', { group: name, date: f.dateTime(g.creationTime, 'date', state.tz) }),
      });
    } else if (g.retentionInDays && range.end <= now - g.retentionInDays * DAY) {
      notes.push({
        key: `retention-${name}`,
        tone: 'warning',
        text: t('range.beyondRetention', { group: name, days: g.retentionInDays }),
      });
    } else if (g.retentionInDays && range.start < now - g.retentionInDays * DAY) {
      const oldest = oldestExportable(g.retentionInDays, now);
      notes.push({
        key: `partial-${name}`,
        tone: 'warning',
        text: t('range.partlyRetained', {
          group: name,
          days: g.retentionInDays,
          date: f.dateTime(oldest, 'auto', state.tz),
        }),
        clipTo: g.retentionInDays,
      });
    }
  }
  if (resolved.clamped) notes.push({ key: 'clamped', tone: 'info', text: t('range.clamped') });
  if (touchesRecentHours(range, now)) notes.push({ key: 'recent', tone: 'info', text: t('range.recent') });
  if (notes.length === 0) return null;

  /** The range from the group's oldest stored minute (counted at the click) to the same end. */
  const clip = (retentionInDays: number) => {
    const start = oldestExportable(retentionInDays, Date.now());
    const end = state.preset === 'custom' ? state.end : formatLocalInput(range.end, state.tz);
    update({ preset: 'custom', start: formatLocalInput(start, state.tz), end });
  };

  return (
    <div className="space-y-2" data-testid="range-notes">
      {notes.map((n) => (
        <Alert key={n.key} tone={n.tone}>
          <p>{n.text}</p>
          {n.clipTo !== undefined ? (
            <Button
              variant="secondary"
              size="sm"
              className="mt-2"
              onClick={() => clip(n.clipTo ?? 0)}
              data-testid="clip-to-retention"
            >
              {t('range.clipToRetention')}
            </Button>
          ) : null}
        </Alert>
      ))}
    </div>
  );
}
