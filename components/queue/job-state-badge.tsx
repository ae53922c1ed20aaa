import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import type { JobState } from '@/lib/queue/types';

const TONES: Record<JobState, Tone> = {
  queued: 'neutral',
  submitting: 'info',
  running: 'brand',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

// A mark per state as well as a colour, so the state never depends on colour alone.
const MARKS: Record<JobState, string> = {
  queued: '…',
  submitting: '↑',
  running: '◐',
  completed: '✓',
  failed: '✕',
  cancelled: '⊘',
};

export function JobStateBadge({ state }: { state: JobState }) {
  const t = useTranslations('queue.state');
  return (
    <Badge tone={TONES[state]}>
      <span aria-hidden="true">{MARKS[state]}</span>
      <span data-state={state}>{t(state)}</span>
    </Badge>
  );
}
