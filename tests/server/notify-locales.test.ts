/**
 * The server's message texts: every language has every key English has,
 * with the same placeholders, and every kind of message renders in every
 * language with nothing left unfilled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../src/core/lang';
import { NOTIFY_KINDS } from '../../server/notify/kinds';
import { renderNotification } from '../../server/notify/render';

type Tree = { [k: string]: string | Tree };
const load = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../server/notify/locales/${lang}.json`, import.meta.url), 'utf8'),
  ) as Tree;
const leaves = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v]] : leaves(v, `${prefix}${k}.`),
  );
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('notification texts', () => {
  const en = new Map(leaves(load('en')));
  it.each(LANGUAGE_CODES.filter((l) => l !== 'en'))(
    '%s has every key, with the same placeholders',
    (lang) => {
      const other = new Map(leaves(load(lang)));
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(placeholders(other.get(key) ?? ''), `${lang} ${key}`).toEqual(placeholders(text));
        expect(other.get(key), `${lang} ${key} is translated`).not.toBe('');
      }
    },
  );

  it.each(LANGUAGE_CODES)('renders every kind in %s with nothing left unfilled', (lang) => {
    for (const kind of NOTIFY_KINDS) {
      const m = renderNotification({
        kind,
        language: lang,
        tracking: 'CD-7K3M9QX4',
        service: 'Pothole',
        status: 'in_progress',
        message: 'A <b>crew</b> comes on Tuesday',
        duplicateOf: 'CD-22222222',
        due: '2026-03-05',
        requestUrl: 'https://civic.example/track?number=CD-7K3M9QX4',
        requestPath: '/track?number=CD-7K3M9QX4',
        stopUrl: 'https://civic.example/stop/CD-7K3M9QX4/AAAAAAAAAAAAAAAAAAAAAA',
      });
      for (const text of [m.subject, m.text, m.html, m.sms, m.push.title, m.push.body])
        expect(text, `${lang} ${kind}`).not.toMatch(/\{\{|\}\}|undefined/);
      expect(m.subject).toContain('CD-7K3M9QX4');
      expect(m.sms).toContain('https://civic.example/stop/CD-7K3M9QX4/');
      // The council's words are escaped in HTML, never markup.
      expect(m.html).toContain('A &#60;b&#62;crew&#60;/b&#62; comes on Tuesday');
      if (kind === 'duplicate') expect(m.text).toContain('CD-22222222');
      expect(m.lang).toBe(lang);
    }
  });
});
