/**
 * Keeps the focused control wholly on screen. Browsers scroll a control that
 * gets focus only until part of it shows: a text box tabbed to at the bottom
 * edge stayed mostly below it, which at large text hides what the person is
 * typing. Every room's pages get this once, from the app's start.
 */
export function keepFocusInView(doc: Document = document): void {
  doc.addEventListener('focusin', (event) => {
    const el = event.target;
    if (!(el instanceof HTMLElement)) return;
    const box = el.getBoundingClientRect();
    if (box.bottom > window.innerHeight || box.top < 0) el.scrollIntoView({ block: 'nearest' });
  });
}
