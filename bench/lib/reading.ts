/**
 * Reading grade of short interface texts: Flesch–Kincaid (U.S. school grade;
 * add 5 for a reading age) from the well-kept `flesch-kincaid` formula and
 * `syllable` counter. Variables ({{name}}) count as one short word, as the
 * person reads a number or a name there.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/** A type alias, not an interface: fleschKincaid takes a string-indexed record. */
export type Counts = {
  sentence: number;
  word: number;
  syllable: number;
};

export type Measured = Counts & {
  key: string;
  text: string;
  grade: number;
};

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

export function counts(text: string): Counts {
  const plain = text.replace(/\{\{[^}]*\}\}/g, 'it');
  const words = plain.match(WORD_RE) ?? [];
  // A string without a full stop (a label, a button) is still one sentence to its reader.
  const sentences = plain.split(/[.!?…]+(?:\s|$)/).filter((s) => HAS_WORD.test(s));
  return {
    sentence: Math.max(1, sentences.length),
    word: words.length,
    syllable: words.reduce((n, w) => n + Math.max(1, syllable(w)), 0),
  };
}

export function measure(entries: Iterable<[string, string]>): Measured[] {
  return [...entries].map(([key, text]) => {
    const c = counts(text);
    return { key, text, ...c, grade: c.word > 0 ? fleschKincaid(c) : 0 };
  });
}

/** The grade of all the texts read as one document (weighted by words). */
export function overallGrade(items: readonly Counts[]): number {
  const total = items.reduce(
    (t, c) => ({
      sentence: t.sentence + c.sentence,
      word: t.word + c.word,
      syllable: t.syllable + c.syllable,
    }),
    { sentence: 0, word: 0, syllable: 0 },
  );
  return total.word > 0 ? fleschKincaid(total) : 0;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
