/**
 * SMS through the council's own gateway: a JSON POST of
 * {to, text, language, request} to SMS_WEBHOOK_URL. Any 2xx counts as handed
 * over; the gateway does the carrier part.
 */
import { httpPost } from './http-post';
import { SendError, isTemporaryStatus } from './errors';

export interface SmsMessage {
  readonly to: string;
  readonly text: string;
  readonly language: string;
  /** The tracking number. */
  readonly request: string;
}

export function smsSender(webhookUrl: string | undefined) {
  return async (m: SmsMessage): Promise<void> => {
    if (!webhookUrl) throw new SendError('SMS is not configured (set SMS_WEBHOOK_URL)', true);
    // The admin chose this address, so a gateway on the council's own network is fine.
    const res = await httpPost(
      webhookUrl,
      { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': 'CivicDesk' },
      JSON.stringify(m),
      { allowPrivate: true, timeoutMs: 15_000 },
    );
    if (res.status >= 200 && res.status < 300) return;
    throw new SendError(
      `SMS gateway answered HTTP ${res.status} ${res.body}`.trim(),
      !isTemporaryStatus(res.status),
    );
  };
}
