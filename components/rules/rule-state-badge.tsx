import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

/** Enabled or paused, with a mark as well as a colour. */
export function RuleStateBadge({ enabled }: { enabled: boolean }) {
  const t = useTranslations('rules');
  return (
    <Badge tone={enabled ? 'success' : 'warning'}>
      <span aria-hidden="true">{enabled ? '▶' : '⏸'}</span>
      <span data-testid="rule-state">{enabled ? t('enabled') : t('paused')}</span>
    </Badge>
  );
}
