/**
 * Generated Open311 POST requests (form, multipart with file parts, JSON,
 * XML, plain text) and one-click stop posts. In the only-invalid run each
 * carries a certain refusal: no key or a wrong one, or (form bodies, with
 * the right key) a NUL in the description, which PostgreSQL cannot store.
 */
import fc from 'fast-check';
import type { FuzzContext, Who } from './json-routes';
import type { FuzzInput, Phase } from './inputs';
import { hostileText, urlText } from './values';

const FIELDS = [
  'service_code',
  'lat',
  'long',
  'address_string',
  'description',
  'email',
  'first_name',
  'last_name',
  'phone',
  'attribute[lamp_count]',
  'attribute[problem]',
  'media_url',
  'jurisdiction_id',
  'device_id',
];

function baseForm(key: string | undefined): [string, string][] {
  const f: [string, string][] = [
    ['service_code', 'streetlight-out'],
    ['lat', '7.3964'],
    ['long', '3.9167'],
    ['description', 'Three lamps dark on Ring Road'],
    ['attribute[lamp_count]', '3'],
    ['attribute[problem]', 'dark'],
    ['email', 'ada@example.org'],
  ];
  return key === undefined ? f : [['api_key', key], ...f];
}

const XXE =
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><service_request><description>&e;</description></service_request>';

export function open311PostInput(x: FuzzContext, phase: Phase): fc.Arbitrary<FuzzInput> {
  const key =
    phase === 'invalid'
      ? fc.constantFrom(undefined, '', 'cdk_not-a-key', `${x.apiKey}x`, "' OR 1=1 --")
      : fc.constantFrom(x.apiKey, undefined, 'cdk_wrong');
  const changes = fc.array(fc.tuple(fc.constantFrom(...FIELDS, 'attribute[<b>]', 'unknown'), hostileText), {
    maxLength: 4,
  });
  return fc
    .record({
      key,
      changes,
      format: fc.constantFrom('form', 'form', 'multipart', 'json', 'xml', 'text'),
      ext: fc.constantFrom(
        '/open311/v2/requests.json',
        '/open311/v2/requests.xml',
        '/open311/v2requests.xml',
      ),
      nul: fc.boolean(),
      photo: fc.uint8Array({ maxLength: 400 }),
    })
    .map(({ key, changes, format, ext, nul, photo }): FuzzInput => {
      // With the right key, only a NUL in the description makes refusal certain.
      const poisonedKey = phase === 'invalid' && nul && format === 'form' ? x.apiKey : key;
      let form: [string, string][] = [...baseForm(poisonedKey), ...changes];
      if (poisonedKey === x.apiKey && phase === 'invalid')
        form = [...form.filter(([k]) => k !== 'description'), ['description', 'dark\u0000lamp']];
      const base = { label: `POST ${ext} ${format}`, method: 'POST', path: ext, who: 'anonymous' as Who };
      // A URL-encoded body cannot carry a lone surrogate: it becomes U+FFFD, which is fine to store.
      if (format === 'form')
        return {
          ...base,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        };
      if (format === 'multipart') {
        const data = new FormData();
        for (const [k, v] of form) data.append(k, v);
        data.append('photo1', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
        return { ...base, headers: {}, body: data };
      }
      if (format === 'json')
        return {
          ...base,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(Object.fromEntries(form)),
        };
      if (format === 'xml') return { ...base, headers: { 'Content-Type': 'application/xml' }, body: XXE };
      return {
        ...base,
        headers: { 'Content-Type': 'text/plain' },
        body: form.map((e) => e.join('=')).join('\n'),
      };
    });
}

/** A stop link with a key that was never issued: refused whatever the body. */
export function stopPostInput(x: FuzzContext): fc.Arbitrary<FuzzInput> {
  return fc.tuple(urlText, fc.oneof(fc.constant(x.tracking), urlText)).map(([key, tracking]) => ({
    label: 'POST /stop/{t}/{key}',
    method: 'POST',
    path: `/stop/${tracking}/${key || 'x'}`,
    who: 'anonymous',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  }));
}
