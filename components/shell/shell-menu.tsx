'use client';

import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

const CloseMenu = createContext<() => void>(() => {});

/** Closes the small-screen menu (a link chosen in it). */
export function useCloseMenu(): () => void {
  return useContext(CloseMenu);
}

/**
 * The header's navigation and controls (Region, account, language, user). Wide screens lay them out in the
 * header itself (this wrapper is `display: contents` there): the controls on the brand's row, the navigation
 * on a row of its own below, the same two rows at every width and for every role instead of whatever wraps.
 * Below `lg` they fold behind one "Menu" button (aria-expanded), so a phone's header is one short row instead
 * of five wrapped ones. Escape closes the open menu and gives focus back to the button; moving
 * to another page closes it too.
 */
export function ShellMenu({ children }: { children: ReactNode }) {
  const t = useTranslations('shell');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of a new page, not of reading it.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <CloseMenu.Provider value={() => setOpen(false)}>
      <button
        ref={button}
        type="button"
        className="ml-auto inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium lg:hidden dark:border-slate-600"
        aria-expanded={open}
        aria-controls="shell-menu"
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span>
        {t('menu')}
      </button>
      <div
        id="shell-menu"
        className={`${open ? 'flex' : 'hidden'} w-full flex-col gap-3 border-t border-slate-200 pt-3 pb-1 lg:contents dark:border-slate-800`}
      >
        {children}
      </div>
    </CloseMenu.Provider>
  );
}
