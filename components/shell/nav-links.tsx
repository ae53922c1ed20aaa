'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type Role, roleAtLeast } from '@/lib/auth/roles';
import { scopeParams, useScope } from './scope-context';
import { useCloseMenu } from './shell-menu';

/**
 * Each entry with the least role that may use its page (README "Users and roles"): a viewer browses the
 * history, the queue, the rules and their coverage (acting on them needs an operator or an admin; those pages
 * hide what a role cannot do), the activity log and the policy generator (generate, check, copy; applying needs
 * an admin, and that page hides Apply itself); launching needs an operator, so a viewer is not shown the way in.
 * The alerts' delivery log is for operators and admins (they act on the failures it reports).
 */
export const NAV_LINKS = [
  { href: '/accounts', key: 'navAccounts', exact: false, needs: 'viewer' },
  { href: '/exports', key: 'navExports', exact: true, needs: 'viewer' },
  { href: '/exports/new', key: 'navNewExport', exact: true, needs: 'operator' },
  { href: '/queue', key: 'navQueue', exact: false, needs: 'viewer' },
  { href: '/rules', key: 'navRules', exact: false, needs: 'viewer' },
  { href: '/coverage', key: 'navCoverage', exact: false, needs: 'viewer' },
  { href: '/bucket-policy', key: 'navBucketPolicy', exact: false, needs: 'viewer' },
  { href: '/activity', key: 'navActivity', exact: false, needs: 'viewer' },
  { href: '/alerts', key: 'navAlerts', exact: false, needs: 'operator' },
  { href: '/settings', key: 'navSettings', exact: false, needs: 'admin' },
] as const satisfies ReadonlyArray<{ href: string; key: string; exact: boolean; needs: Role }>;

export function navLinksFor(role: Role) {
  return NAV_LINKS.filter((link) => roleAtLeast(role, link.needs));
}

function isActive(pathname: string, href: string, exact: boolean): boolean {
  if (href === '/exports')
    return pathname === '/exports' || (pathname.startsWith('/exports/') && pathname !== '/exports/new');
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ role }: { role: Role }) {
  const t = useTranslations('shell');
  const pathname = usePathname();
  const close = useCloseMenu();
  // A page opened from a shared link (`?account=&region=`) keeps that place across the menu, whatever this
  // browser's cookies remember. The server's checked scope is appended, never the raw URL text.
  const search = useSearchParams();
  const scope = useScope();
  const keep = search.has('account') || search.has('region') ? `?${scopeParams(scope)}` : '';
  return (
    <nav aria-label={t('mainNav')}>
      <ul className="flex flex-col gap-1 lg:flex-row lg:flex-wrap">
        {navLinksFor(role).map((link) => {
          const active = isActive(pathname, link.href, link.exact);
          return (
            <li key={link.href}>
              <Link
                href={`${link.href}${keep}`}
                aria-current={active ? 'page' : undefined}
                onClick={close}
                className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
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
