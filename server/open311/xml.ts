/**
 * A small XML writer for Open311 answers. Open311 documents are plain trees
 * of elements with text (no attributes, no namespaces), so one data shape
 * feeds both the JSON and the XML answer: records become elements, arrays
 * become repeated child elements named by the caller (services → service).
 */

/** A JSON-like value as the Open311 mappers produce it. */
export type Plain = string | number | boolean | null | undefined | readonly Plain[] | PlainRecord;
export interface PlainRecord {
  readonly [key: string]: Plain;
}

/** Element names of array items, by the name of the array: { services: 'service' }. */
export type ItemNames = Readonly<Record<string, string>>;

/**
 * XML 1.0 forbids most control characters and unpaired surrogates even as
 * character references, so a person's text could otherwise make the whole
 * answer unreadable to a parser. We drop them rather than fail.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A conservative subset of XML Name: what we emit is ASCII and fixed by the spec. */
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Text content and attribute values: escapes all five predefined entities. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&apos;';
    }
  });
}

function checkName(name: string): string {
  if (!NAME_RE.test(name) || /^xml/i.test(name)) throw new RangeError(`not an XML element name: ${name}`);
  return name;
}

function isRecord(v: Plain): v is PlainRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: string | number | boolean): string {
  // Non-finite numbers have no XML (or JSON) spelling; an empty element says "no value".
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return escapeXml(String(v));
}

function writeElement(out: string[], name: string, value: Plain, items: ItemNames, depth: number): void {
  const tag = checkName(name);
  const pad = '  '.repeat(depth);
  if (value === null || value === undefined) {
    out.push(`${pad}<${tag}></${tag}>`);
  } else if (Array.isArray(value)) {
    const itemName = items[name];
    if (itemName === undefined) throw new RangeError(`no item element name for array ${name}`);
    if (value.length === 0) {
      out.push(`${pad}<${tag}></${tag}>`);
      return;
    }
    out.push(`${pad}<${tag}>`);
    for (const item of value as readonly Plain[]) writeElement(out, itemName, item, items, depth + 1);
    out.push(`${pad}</${tag}>`);
  } else if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      out.push(`${pad}<${tag}></${tag}>`);
      return;
    }
    out.push(`${pad}<${tag}>`);
    for (const [k, v] of entries) writeElement(out, k, v, items, depth + 1);
    out.push(`${pad}</${tag}>`);
  } else {
    out.push(`${pad}<${tag}>${scalarText(value as string | number | boolean)}</${tag}>`);
  }
}

/**
 * A whole document: the declaration Open311 asks for, then `root` holding
 * `value`. Arrays need an entry in `items` naming their child elements.
 */
export function renderXml(root: string, value: Plain, items: ItemNames = {}): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  writeElement(out, root, value, items, 0);
  return `${out.join('\n')}\n`;
}
