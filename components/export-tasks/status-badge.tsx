import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import type { TaskStatus } from '@/lib/export-tasks/types';

const TONES: Record<TaskStatus, Tone> = {
  PENDING: 'info',
  RUNNING: 'brand',
  PENDING_CANCEL: 'warning',
  CANCELLED: 'neutral',
  COMPLETED: 'success',
  FAILED: 'danger',
  UNKNOWN: 'neutral',
};

// A shape per status as well as a colour, so the status never depends on colour alone.
const MARKS: Record<TaskStatus, string> = {
  PENDING: '○',
  RUNNING: '◐',
  PENDING_CANCEL: '◌',
  CANCELLED: '⊘',
  COMPLETED: '✓',
  FAILED: '✕',
  UNKNOWN: '?',
};

/** An export task's status as a word with a colour and a mark. Shared by every feature that shows a task. */
export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations('exports.status');
  return (
    // Only the mark pulses: a pulsing word dips below readable contrast half the time.
    <Badge
      tone={TONES[status]}
      className={status === 'RUNNING' ? 'motion-safe:[&>span:first-child]:animate-pulse' : ''}
    >
      <span aria-hidden="true">{MARKS[status]}</span>
      <span data-status={status}>{t(status)}</span>
    </Badge>
  );
}
