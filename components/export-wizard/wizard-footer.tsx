import type { ReactNode } from 'react';

/**
 * The wizard's last row: Back at the start, the primary action (Next, or Launch on the review) at the end,
 * the same place on every step, where a reader's eye ends.
 */
export function WizardFooter({ start, children }: { start?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      {start ?? <span />}
      <div className="ml-auto flex flex-wrap items-center justify-end gap-3">{children}</div>
    </div>
  );
}
