/**
 * The header's main navigation: the places of the room on screen, handed in
 * by the app shell. On a narrow screen (or with large text) the links wait
 * behind one Menu button, a disclosure (aria-expanded) that Enter, Space and
 * Escape work; where there is room the button is hidden and the links show
 * (styles.css decides by the header's width in rem, so large text counts;
 * where even the word "Menu" would push the header to a third row, the
 * button shows its icon and keeps the word for screen readers).
 * Mounted once in the layout, it also applies the remembered text size.
 */
import { For, createSignal } from 'solid-js';
import { t, type MessageKey } from '../i18n';
import { Icon } from './icons';
import { A } from './page-navigation';
import { restoreTextSize } from './text-size';

export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
}

export function SiteNav(props: { items: readonly NavItem[] }) {
  restoreTextSize();
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open()) return;
    setOpen(false);
    button?.focus();
  };
  return (
    <nav
      class="site-nav"
      aria-label={t('nav.label')}
      data-open={open() ? 'true' : 'false'}
      onKeyDown={onKeyDown}
    >
      <button
        ref={button}
        type="button"
        class="menu-button"
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls="site-nav-list"
        onClick={() => setOpen(!open())}
      >
        <Icon name="menu" />
        <span class="menu-button__label">{t('nav.menu')}</span>
      </button>
      <ul id="site-nav-list" class="site-nav__list">
        <For each={props.items}>
          {(item) => (
            <li onClick={() => setOpen(false)}>
              <A href={item.href}>{t(item.label)}</A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
