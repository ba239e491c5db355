/**
 * One POST over node:http(s) with a time limit, for the SMS gateway and push
 * services. node:http rather than fetch so a push endpoint, which a device
 * names, goes through the same public-address guard as Open311 media URLs.
 */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup } from '../../open311/address-guard';
import { SendError } from './errors';

export interface PostResult {
  readonly status: number;
  readonly body: string;
}

export function httpPost(
  url: string,
  headers: Record<string, string>,
  body: Buffer | string,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<PostResult> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise<PostResult>((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(bytes.length) },
        lookup: guardedLookup(options.allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          // Only the start of an error body is kept for the admin's view.
          if (size < 4096) chunks.push(c);
          size += c.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, 500),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      if (err.name === 'BlockedAddressError') reject(new SendError(err.message, true));
      else if (err.name === 'AbortError' || err.name === 'TimeoutError')
        reject(new SendError(`no answer within ${options.timeoutMs} ms`, false));
      else reject(new SendError(err.message, false));
    });
    req.end(bytes);
  });
}
