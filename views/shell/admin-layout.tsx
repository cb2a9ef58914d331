import type { Child } from 'hono/jsx';
import type { CurrentUser } from '@/platform/auth/auth';
import type { MessageKey } from '@/platform/i18n';
import { Layout, type PageContext } from './layout';

export type AdminLayoutProps = PageContext & {
  title: string;
  user: CurrentUser;
  /** The page itself, including its own <h1>. */
  children: Child;
};

type NavLink = { href: string; label: MessageKey; adminOnly?: boolean };

const links: NavLink[] = [
  { href: '/admin', label: 'accounts.nav.dashboard' },
  { href: '/admin/events', label: 'accounts.nav.events' },
  { href: '/admin/plans', label: 'accounts.nav.plans' },
  { href: '/admin/outbox', label: 'accounts.nav.outbox' },
  { href: '/admin/users', label: 'accounts.nav.users', adminOnly: true },
  { href: '/admin/audit', label: 'accounts.nav.audit', adminOnly: true },
  { href: '/admin/tokens', label: 'accounts.nav.tokens' },
  { href: '/admin/account', label: 'accounts.nav.account' },
];

/** The link for the page we are on (the longest prefix match), for aria-current. */
function currentHref(path: string): string | undefined {
  const pathname = path.split('?')[0] ?? path;
  return links
    .map((link) => link.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The admin shell: the site layout with the admin menu and a log-out button (a POST form, so a
 * link elsewhere cannot log anyone out). Every /admin page renders inside it.
 */
export function AdminLayout(props: AdminLayoutProps) {
  const { t, user } = props;
  const current = currentHref(props.path);
  return (
    <Layout {...props} title={props.title}>
      <nav class="admin-nav" aria-label={t('accounts.nav.label')}>
        <ul>
          {links
            .filter((link) => !link.adminOnly || user.role === 'admin')
            .map((link) => (
              <li>
                <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
                  {t(link.label)}
                </a>
              </li>
            ))}
        </ul>
        <div class="admin-user">
          <span>{t('accounts.nav.signedInAs', { name: user.name })}</span>
          <form method="post" action="/admin/logout">
            <button type="submit" class="link-button">
              {t('accounts.logout')}
            </button>
          </form>
        </div>
      </nav>
      <div class="admin-page">{props.children}</div>
    </Layout>
  );
}
