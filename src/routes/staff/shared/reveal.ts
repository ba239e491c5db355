/**
 * Chromium scrolls a focused text box only until its caret shows, which can
 * leave most of the box (and what is typed in it) below the edge of the
 * screen. The desk's forms call this on focusin so the whole box comes into
 * view, for keyboard and screen-magnifier users alike.
 */
export function revealWholeBox(e: FocusEvent): void {
  if (e.target instanceof HTMLTextAreaElement) e.target.scrollIntoView({ block: 'nearest' });
}
