/** The officer room's own navigation, under the site header on every officer page. */
import { For } from 'solid-js';
import { ot, type OfficerKey } from './i18n';

const ITEMS: readonly { href: string; label: OfficerKey }[] = [
  { href: '/officer', label: 'nav.home' },
  { href: '/officer/visit', label: 'nav.visit' },
  { href: '/officer/work', label: 'nav.work' },
  { href: '/officer/sync', label: 'nav.sync' },
];

export function OfficerNav() {
  const here = () => location.pathname;
  return (
    <nav class="officer-nav" aria-label={ot('nav.label')}>
      <ul class="officer-nav__list">
        <For each={ITEMS}>
          {(item) => (
            <li>
              <a href={item.href} aria-current={here() === item.href ? 'page' : undefined}>
                {ot(item.label)}
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
