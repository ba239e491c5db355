/**
 * The header's main navigation: the places of the room on screen, handed in
 * by the app shell. Mounted once in the layout, it also applies the
 * remembered text size (the setting lives with the frame of every page).
 */
import { For } from 'solid-js';
import { t, type MessageKey } from '../i18n';
import { A } from './page-navigation';
import { restoreTextSize } from './text-size';

export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
}

export function SiteNav(props: { items: readonly NavItem[] }) {
  restoreTextSize();
  return (
    <nav class="site-nav" aria-label={t('nav.label')}>
      <ul class="site-nav__list">
        <For each={props.items}>
          {(item) => (
            <li>
              <A href={item.href}>{t(item.label)}</A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
