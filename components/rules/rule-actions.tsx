'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { refreshRuleTags, runRuleNow, setRuleEnabled } from '@/app/(console)/rules/actions';
import { Button, buttonClass } from '@/components/ui/button';
import type { Rule } from '@/lib/rules/types';
import type { useRuleAction } from './use-rule-action';

export type RuleRoles = { canOperate: boolean; canAdmin: boolean };

/**
 * What a person may do with a rule: everyone opens its coverage; operators run it now and read its tags again;
 * admins edit, pause or resume, and delete it (with a confirmation).
 */
export function RuleActions({
  rule,
  roles,
  action,
  onDelete,
}: {
  rule: Rule;
  roles: RuleRoles;
  action: ReturnType<typeof useRuleAction>;
  onDelete: (rule: Rule) => void;
}) {
  const t = useTranslations('rules');
  const busy = action.pending;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <Link
        href={`/coverage?rule=${rule.id}`}
        className={buttonClass('ghost', 'sm')}
        aria-label={t('actions.coverageLabel', { name: rule.name })}
      >
        {t('actions.coverage')}
      </Link>
      {roles.canOperate && rule.enabled ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          aria-label={t('actions.runLabel', { name: rule.name })}
          onClick={() =>
            action.run(
              () => runRuleNow({ id: rule.id }),
              (d) =>
                d.enqueued === null
                  ? t('done.runLater', { name: rule.name })
                  : t('done.run', { name: rule.name, count: d.enqueued }),
            )
          }
        >
          {t('actions.run')}
        </Button>
      ) : null}
      {roles.canOperate && 'tag' in rule.logGroups ? (
        <Button
          variant="ghost"
          size="sm"
          disabled={busy || !rule.enabled}
          aria-label={t('actions.tagsLabel', { name: rule.name })}
          onClick={() =>
            action.run(
              () => refreshRuleTags({ id: rule.id }),
              () => t('done.tags', { name: rule.name }),
            )
          }
        >
          {t('actions.tags')}
        </Button>
      ) : null}
      {roles.canAdmin ? (
        <>
          <Link
            href={`/rules/${rule.id}`}
            className={buttonClass('ghost', 'sm')}
            aria-label={t('actions.editLabel', { name: rule.name })}
          >
            {t('actions.edit')}
          </Link>
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            aria-label={t(rule.enabled ? 'actions.pauseLabel' : 'actions.resumeLabel', { name: rule.name })}
            onClick={() =>
              action.run(
                () => setRuleEnabled({ id: rule.id, enabled: !rule.enabled }),
                (d) => t(d.enabled ? 'done.resume' : 'done.pause', { name: rule.name }),
              )
            }
          >
            {rule.enabled ? t('actions.pause') : t('actions.resume')}
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            className="text-red-700 dark:text-red-300"
            aria-label={t('actions.deleteLabel', { name: rule.name })}
            onClick={() => onDelete(rule)}
          >
            {t('actions.delete')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
