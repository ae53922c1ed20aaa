import type { CoverageState } from '@/lib/coverage/types';

/**
 * How each state looks on a timeline: a fill (an SVG pattern, so colour is never the only cue: hatching for
 * gaps, a cross-hatch for failures, dots for queued, stripes for running, lines for expired) and a mark for
 * the legend and labels. The order is the legend's: what needs a person first.
 */
export const STATE_ORDER: CoverageState[] = [
  'gap',
  'failed',
  'running',
  'queued',
  'archived',
  'not-due',
  'expired',
];

export const MARKS: Record<CoverageState, string> = {
  archived: '✓',
  queued: '…',
  running: '◐',
  failed: '✕',
  gap: '!',
  'not-due': '○',
  expired: '–',
};

export const fillOf = (state: CoverageState) => `url(#cov-${state})`;
