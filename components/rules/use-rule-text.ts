'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/format/use-format';
import type { RuleView } from '@/lib/rules/types';
import { selectionParts, settleParts } from './describe';

/** The words the list shows for one rule (shared by its table row and its phone card). */
export function useRuleText() {
  const t = useTranslations('rules');
  const f = useFormat();
  return ({ rule, stats }: RuleView) => {
    const sel = selectionParts(rule.logGroups, rule.exclude);
    const settle = settleParts(rule.settleMinutes);
    return {
      selects: t(`selects.${sel.key}`, sel.values),
      destination: `s3://${rule.bucket}/${rule.prefixTemplate}`,
      schedule: t('scheduleText', {
        every: t(`every.${rule.every}`),
        zone: rule.timeZone,
        settle: t(`settleShort.${settle.key}`, settle.values),
      }),
      backfill: t('backfillText', { date: rule.backfillFrom }),
      groups: t('groupsCount', { count: stats.groups }),
      exports: t('exportsCounts', { queued: stats.queued, running: stats.running, failed: stats.failed }),
      lastArchived: stats.lastArchivedAt === null ? t('never') : f.dateTime(stats.lastArchivedAt, 'short'),
      nextDue: !rule.enabled
        ? t('pausedNoNext')
        : stats.nextDueAt === null
          ? '—'
          : f.dateTime(stats.nextDueAt, 'short'),
    };
  };
}
