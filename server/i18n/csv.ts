/**
 * CSV as RFC 4180 describes it, for files a reviewer opens in a spreadsheet:
 * CRLF between records, a field quoted when it holds a quote, a comma or a
 * line break, quotes doubled inside. Written with a UTF-8 byte-order mark,
 * without which Excel reads UTF-8 as the local code page and mangles Yorùbá,
 * Hausa and Arabic. Read forgivingly: with or without the mark, CRLF or LF,
 * and with ';' between fields when the header uses it (Excel saves CSV that
 * way where the decimal separator is a comma).
 */

const BOM = '\uFEFF';

function field(value: string, delimiter: string): string {
  return value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map((v) => field(v, ',')).join(',')).join('\r\n') + '\r\n';
}

export class CsvError extends Error {}

/** Bytes → text, refusing what is not UTF-8 (a file saved as "CSV" in a legacy code page). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvError('the file is not UTF-8: save it as "CSV UTF-8" and try again');
  }
}

function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** Records of fields; a quote left open at the end of the file is an error, not a guess. */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const delimiter = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    row.push(value);
    // A blank line (a trailing newline, a spreadsheet's empty row) is no record.
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    value = '';
  };
  while (i < text.length) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        value += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else value += c;
      i++;
      continue;
    }
    if (c === '"' && value === '') quoted = true;
    else if (c === delimiter) {
      row.push(value);
      value = '';
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      endRecord();
      i++;
    } else if (c === '\n' || c === '\r') endRecord();
    else value += c;
    i++;
  }
  if (quoted) throw new CsvError('a quoted field is not closed before the end of the file');
  if (value !== '' || row.length > 0) endRecord();
  return rows;
}
