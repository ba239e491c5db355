/**
 * The text-size setting: normal, large or extra large, remembered on the
 * device. It sets data-text-size on <html>; styles.css scales the root font
 * size from it, and every size is in rem, so the whole page follows.
 */
import { createSignal } from 'solid-js';

export const TEXT_SIZES = ['normal', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const KEY = 'civic.textSize';

function isTextSize(v: unknown): v is TextSize {
  return typeof v === 'string' && (TEXT_SIZES as readonly string[]).includes(v);
}

function saved(): TextSize {
  try {
    const v = localStorage.getItem(KEY);
    return isTextSize(v) ? v : 'normal';
  } catch {
    return 'normal';
  }
}

const [textSize, setTextSizeSignal] = createSignal<TextSize>('normal');
export { textSize };

function apply(size: TextSize): void {
  document.documentElement.dataset['textSize'] = size === 'normal' ? '' : size;
  setTextSizeSignal(size);
}

/** Applies the remembered size; call once at start, before the first render if possible. */
export function restoreTextSize(): void {
  apply(saved());
}

export function setTextSize(size: TextSize): void {
  apply(size);
  try {
    localStorage.setItem(KEY, size);
  } catch {
    // Not remembered, but it still applies for this visit.
  }
}
