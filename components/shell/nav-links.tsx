'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

const LINKS = [
  { href: '/exports', key: 'navExports', exact: true },
  { href: '/exports/new', key: 'navNewExport', exact: true },
  { href: '/queue', key: 'navQueue', exact: false },
  { href: '/bucket-policy', key: 'navBucketPolicy', exact: false },
  { href: '/activity', key: 'navActivity', exact: false },
] as const;

function isActive(pathname: string, href: string, exact: boolean): boolean {
  if (href === '/exports')
    return pathname === '/exports' || (pathname.startsWith('/exports/') && pathname !== '/exports/new');
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const t = useTranslations('shell');
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <nav aria-label={t('mainNav')} className="order-last w-full md:order-none md:w-auto">
      <button
        type="button"
        className="rounded-md border border-slate-300 px-2 py-1 text-sm md:hidden dark:border-slate-600"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('closeMenu') : t('openMenu')}
      </button>
      <ul
        id="main-nav-list"
        className={`${open ? 'flex' : 'hidden'} flex-col gap-1 py-2 md:flex md:flex-row md:py-0`}
      >
        {LINKS.map((link) => {
          const active = isActive(pathname, link.href, link.exact);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
                  active
                    ? 'bg-brand-50 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`}
              >
                {t(link.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
