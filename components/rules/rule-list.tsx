'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { deleteRule } from '@/app/(console)/rules/actions';
import { useWide, wideClasses } from '@/components/export-tasks/use-wide';
import { useScope } from '@/components/shell/scope-context';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { Rule, RuleView } from '@/lib/rules/types';
import { RulesLoadError, rulesOptions } from './queries';
import { RuleActions, type RuleRoles } from './rule-actions';
import { RuleStateBadge } from './rule-state-badge';
import { useRuleAction } from './use-rule-action';
import { useRuleText } from './use-rule-text';

/** Every rule of the Region with what it selects, where it writes, when, and how its exports stand. */
export function RuleList({
  region,
  initial,
  fetchedAt,
  roles,
  saved,
}: {
  region: string;
  initial: RuleView[];
  fetchedAt: number;
  roles: RuleRoles;
  /** The id of a rule just saved (the form sends you here with it). */
  saved: string | null;
}) {
  const t = useTranslations('rules');
  const te = useTranslations('errors');
  const { account } = useScope();
  const query = useQuery({
    ...rulesOptions({ account, region }),
    initialData: initial,
    initialDataUpdatedAt: fetchedAt,
  });
  const rules = query.data;
  const action = useRuleAction();
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const wide = useWide();
  const classes = wideClasses(wide);
  const text = useRuleText();
  const savedRule = saved ? rules.find((r) => r.rule.id === saved) : undefined;

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {action.notice ? (
          <Alert tone={action.notice.tone === 'success' ? 'info' : 'danger'}>{action.notice.text}</Alert>
        ) : savedRule ? (
          <Alert tone="success">{t('done.saved', { name: savedRule.rule.name })}</Alert>
        ) : null}
      </div>
      {query.error ? (
        <Alert tone="warning">
          {t('loadFailed', {
            reason: te(
              query.error instanceof RulesLoadError && te.has(query.error.code)
                ? query.error.code
                : 'internal',
            ),
          })}
        </Alert>
      ) : null}
      {!roles.canOperate ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('viewerNote')}</p>
      ) : !roles.canAdmin ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('operatorNote')}</p>
      ) : null}

      {rules.length === 0 ? (
        <div
          className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
          data-testid="no-rules"
        >
          <p className="font-medium">{t('empty', { region })}</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('emptyWhy')}</p>
          {roles.canAdmin ? (
            <Link href="/rules/new" className={buttonClass('primary', 'md', 'mt-3')}>
              {t('new')}
            </Link>
          ) : null}
        </div>
      ) : (
        <>
          <div
            className={`overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${classes.table}`}
          >
            {wide === false ? null : (
              <table className="w-full min-w-[64rem] text-left text-sm" data-testid="rules-table">
                <caption className="sr-only">{t('caption', { region })}</caption>
                <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800/60 dark:text-slate-400">
                  <tr>
                    {(
                      [
                        'name',
                        'selects',
                        'destination',
                        'schedule',
                        'groups',
                        'exports',
                        'last',
                        'actions',
                      ] as const
                    ).map((c) => (
                      <th key={c} scope="col" className="px-3 py-2 font-medium">
                        {t(`columns.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rules.map((view) => {
                    const x = text(view);
                    return (
                      <tr
                        key={view.rule.id}
                        data-testid="rule-row"
                        data-rule={view.rule.id}
                        className="border-t border-slate-200 align-top dark:border-slate-800"
                      >
                        <td className="px-3 py-2">
                          <span className="block break-words font-medium">{view.rule.name}</span>
                          <RuleStateBadge enabled={view.rule.enabled} />
                        </td>
                        <td className="px-3 py-2 break-words">{x.selects}</td>
                        <td className="max-w-64 px-3 py-2">
                          <span className="break-all font-mono text-xs">{x.destination}</span>
                        </td>
                        <td className="px-3 py-2">
                          <span className="block">{x.schedule}</span>
                          <span className="block text-xs text-slate-600 dark:text-slate-400">
                            {x.backfill}
                          </span>
                        </td>
                        <td className="px-3 py-2 tabular-nums" data-testid="rule-groups">
                          {x.groups}
                        </td>
                        <td className="px-3 py-2 tabular-nums" data-testid="rule-exports">
                          {x.exports}
                        </td>
                        <td className="px-3 py-2 text-xs">
                          <span className="block">{t('lastArchived', { when: x.lastArchived })}</span>
                          <span className="block text-slate-600 dark:text-slate-400">
                            {t('nextDue', { when: x.nextDue })}
                          </span>
                        </td>
                        <td className="px-3 py-2">
                          <RuleActions
                            rule={view.rule}
                            roles={roles}
                            action={action}
                            onDelete={setDeleting}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
          {wide === true ? null : (
            <ul className={`space-y-3 ${classes.cards}`} aria-label={t('caption', { region })}>
              {rules.map((view) => {
                const x = text(view);
                const field = 'grid grid-cols-[6.5rem_minmax(0,1fr)] gap-2 py-0.5';
                return (
                  <li
                    key={view.rule.id}
                    data-testid="rule-card"
                    data-rule={view.rule.id}
                    className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
                  >
                    <div className="flex items-start justify-between gap-2">
                      <h2 className="min-w-0 break-words font-semibold">{view.rule.name}</h2>
                      <RuleStateBadge enabled={view.rule.enabled} />
                    </div>
                    <dl className="mt-1">
                      <div className={field}>
                        <dt className="text-slate-600 dark:text-slate-400">{t('columns.selects')}</dt>
                        <dd className="break-words">{x.selects}</dd>
                      </div>
                      <div className={field}>
                        <dt className="text-slate-600 dark:text-slate-400">{t('columns.destination')}</dt>
                        <dd className="break-all font-mono text-xs">{x.destination}</dd>
                      </div>
                      <div className={field}>
                        <dt className="text-slate-600 dark:text-slate-400">{t('columns.schedule')}</dt>
                        <dd>
                          {x.schedule}
                          <span className="block text-xs text-slate-600 dark:text-slate-400">
                            {x.backfill}
                          </span>
                        </dd>
                      </div>
                      <div className={field}>
                        <dt className="text-slate-600 dark:text-slate-400">{t('columns.groups')}</dt>
                        <dd className="tabular-nums">{x.groups}</dd>
                      </div>
                      <div className={field}>
                        <dt className="text-slate-600 dark:text-slate-400">{t('columns.exports')}</dt>
                        <dd className="tabular-nums">{x.exports}</dd>
                      </div>
                      <div className={field}>
                        <dt className="text-slate-600 dark:text-slate-400">{t('columns.last')}</dt>
                        <dd className="text-xs">
                          {t('lastArchived', { when: x.lastArchived })}
                          <span className="block">{t('nextDue', { when: x.nextDue })}</span>
                        </dd>
                      </div>
                    </dl>
                    <div className="mt-2 border-t border-slate-200 pt-2 dark:border-slate-800">
                      <RuleActions rule={view.rule} roles={roles} action={action} onDelete={setDeleting} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}

      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('deleteTitle', { name: deleting?.name ?? '' })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              {t('deleteKeep')}
            </Button>
            <Button
              variant="danger"
              data-testid="rule-delete-confirm"
              onClick={() => {
                const rule = deleting;
                setDeleting(null);
                if (rule)
                  action.run(
                    () => deleteRule({ id: rule.id }),
                    () => t('done.delete', { name: rule.name }),
                  );
              }}
            >
              {t('deleteConfirm')}
            </Button>
          </>
        }
      >
        <p>{t('deleteBody')}</p>
      </Dialog>
    </div>
  );
}
