/**
 * What one notification says, in the person's language: an e-mail (subject,
 * plain text and simple HTML), a short SMS and a web push payload. Built from
 * the facts stored on the row when the change happened, so a message says
 * what was true then.
 */
import type { Status } from '../../src/core/status';
import type { NotifyKind } from './kinds';
import { messagesFor } from './locales';

export interface NotificationFacts {
  readonly kind: NotifyKind;
  readonly language: string;
  readonly tracking: string;
  /** The service's name in the person's language. */
  readonly service: string;
  readonly status: Status | null;
  readonly message: string | null;
  readonly duplicateOf: string | null;
  /** YYYY-MM-DD, the date by which to expect action. */
  readonly due: string;
  /** Absolute URLs: the request page (with the satisfaction question once resolved) and the one-click stop. */
  readonly requestUrl: string;
  readonly stopUrl: string;
  /** The request page as a path of this site, for the service worker to open. */
  readonly requestPath: string;
}

export interface Rendered {
  readonly lang: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sms: string;
  readonly push: { title: string; body: string; url: string; lang: string; tracking: string };
}

/** Longest council message quoted in an SMS; the full text is on the request page. */
const SMS_MESSAGE_CHARS = 160;

function formatDue(due: string, lang: string): string {
  const d = new Date(`${due}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return due;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

export function renderNotification(f: NotificationFacts): Rendered {
  const { lang, t } = messagesFor(f.language);
  const values = {
    tracking: f.tracking,
    service: f.service,
    due: formatDue(f.due, lang),
    status: f.status ? t(`status.${f.status}`) : '',
    original: f.duplicateOf ?? '',
  };
  const subject = t(`subject.${f.kind}`, values);
  const lead = t(`body.${f.kind}`, values);
  const says = f.message ? t('saysTitle') : '';
  const linkLabel = f.kind === 'resolved' ? t('ask') : t('see');
  const why = t('why', values);

  const text = [
    lead,
    ...(f.message ? ['', says, f.message] : []),
    '',
    linkLabel,
    f.requestUrl,
    '',
    '--',
    why,
    t('stop'),
    f.stopUrl,
    '',
  ].join('\n');

  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const paragraphs = (s: string) =>
    s
      .split(/\n+/)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
  const html = [
    `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 36em">',
    `<p>${escapeHtml(lead)}</p>`,
    f.message
      ? `<p><strong>${escapeHtml(says)}</strong></p><blockquote>${paragraphs(f.message)}</blockquote>`
      : '',
    `<p>${escapeHtml(linkLabel)}<br><a href="${escapeHtml(f.requestUrl)}">${escapeHtml(f.requestUrl)}</a></p>`,
    `<hr><p style="font-size: 14px">${escapeHtml(why)}<br><a href="${escapeHtml(f.stopUrl)}">${escapeHtml(t('stopLink'))}</a></p>`,
    '</body></html>',
  ].join('');

  const smsParts = [t(`sms.${f.kind}`, values)];
  if (f.message && f.kind !== 'resolved') smsParts.push(`"${clip(f.message, SMS_MESSAGE_CHARS)}"`);
  smsParts.push(f.requestUrl, t('sms.stop', { url: f.stopUrl }));
  const sms = smsParts.join('\n');

  const pushBody = f.message ? `${lead} ${clip(f.message, 200)}` : lead;
  return {
    lang,
    subject,
    text,
    html,
    sms,
    push: {
      title: subject,
      body: f.kind === 'resolved' ? `${pushBody} ${t('ask').replace(/[:：]\s*$/, '')}` : pushBody,
      url: f.requestPath,
      lang,
      tracking: f.tracking,
    },
  };
}
