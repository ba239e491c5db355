/**
 * E-mail over SMTP with nodemailer: plain text plus a simple HTML part, in
 * the person's language, with the one-click unsubscribe of RFC 8058
 * (List-Unsubscribe with an https/http URL plus List-Unsubscribe-Post), which
 * mail programs show as their own "Unsubscribe" button.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { SendError } from './errors';

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string;
  readonly unsubscribeUrl: string;
}

export interface EmailSender {
  send(m: EmailMessage): Promise<void>;
  close(): void;
}

function describe(err: unknown): SendError {
  const code =
    typeof err === 'object' && err !== null && 'responseCode' in err ? Number(err.responseCode) : 0;
  const text = err instanceof Error ? err.message : String(err);
  // 5xx from the mail server: the address or the message is refused for good. Anything else may pass later.
  return new SendError(text, code >= 500 && code < 600);
}

export function emailSender(smtpUrl: string | undefined, from: string): EmailSender {
  if (!smtpUrl)
    return {
      send: () => Promise.reject(new SendError('e-mail is not configured (set SMTP_URL)', true)),
      close: () => undefined,
    };
  const options: SMTPTransport.Options = {
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  };
  const transport = nodemailer.createTransport(options);
  return {
    async send(m) {
      try {
        await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          list: { unsubscribe: { url: m.unsubscribeUrl, comment: 'Stop messages about this request' } },
          headers: {
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            'Content-Language': m.language,
            // RFC 3834: no out-of-office replies to an automatic message.
            'Auto-Submitted': 'auto-generated',
          },
        });
      } catch (err) {
        throw describe(err);
      }
    },
    close: () => transport.close(),
  };
}
