// Text PostgreSQL cannot store: found wherever it hides, named by its path,
// and refused by the shared schemas; whole emoji and other planes pass.
import { describe, expect, it } from 'vitest';
import { syncEventSchema } from '../../../src/core/events';
import { isStorableText, unstorablePaths } from '../../../src/core/text';

describe('storable text', () => {
  it('refuses NUL and lone surrogates, and takes whole surrogate pairs', () => {
    for (const s of ['a\u0000b', '\ud800', 'x\udfff', '\ud83d', '\ude00', 'ab\ud83d'])
      expect(isStorableText(s), JSON.stringify(s)).toBe(false);
    for (const s of ['', 'plain', '😀', 'Ọ̀rọ̀', 'عربى', '\u202e', '\\u0000', '\uffff'])
      expect(isStorableText(s), s).toBe(true);
  });

  it('names every bad key and value by its path', () => {
    const value = {
      ok: 'fine',
      request: { description: 'a\u0000', attributes: { 'k\ud800': 'v', good: ['x', 'y\udc00'] } },
    };
    expect(unstorablePaths(value)).toEqual([
      'request.description',
      'request.attributes.k\ufffd',
      'request.attributes.good.1',
    ]);
    expect(unstorablePaths('\u0000')).toEqual(['(root)']);
    expect(unstorablePaths({ a: 1, b: [null, true] })).toEqual([]);
  });

  it('makes the shared event schemas refuse such text, with the field named', () => {
    const note = {
      id: '0190a5e0-0000-7000-8000-000000000001',
      at: '2026-01-05T10:00:00Z',
      type: 'note',
      tracking: 'CD-7K3M9QX4',
      text: 'Crew \u0000 sent',
      public: true,
    };
    const r = syncEventSchema.safeParse(note);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['text', 'unsupported_text']]);
    expect(syncEventSchema.safeParse({ ...note, text: 'Crew 😀 sent' }).success).toBe(true);
  });
});
