// Writes brotli (.br) and gzip (.gz) copies of the built app's text files, so
// the server can send them compressed without spending CPU on each request.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const HEADER_COST = 64;
const TEXT = /\.(js|css|html|svg|json|webmanifest|map)$/;

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) walk(file);
    else if (TEXT.test(entry) && !entry.endsWith('.map')) {
      const data = readFileSync(file);
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      // A compressed answer carries two more headers (Content-Encoding, Vary), some 45 bytes:
      // below that saving, the file goes as it is.
      if (data.length - br.length < HEADER_COST) continue;
      writeFileSync(`${file}.br`, br);
      const gz = gzipSync(data, { level: 9 });
      if (data.length - gz.length >= HEADER_COST) writeFileSync(`${file}.gz`, gz);
    }
  }
}

walk(process.argv[2] ?? 'dist');
