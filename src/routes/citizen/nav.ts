/** The four places a citizen goes, for the header's navigation. */
import type { NavItem } from '../../ui/SiteNav';

export const CITIZEN_NAV: readonly NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/requests', label: 'nav.myRequests' },
  { href: '/track', label: 'nav.track' },
  { href: '/settings', label: 'nav.settings' },
];
