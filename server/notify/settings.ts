/**
 * How the server reaches people: which channels are configured (from the
 * environment) and the VAPID keys for web push. A channel left unconfigured
 * fails its rows at once with a clear error for the admin to see, rather
 * than letting them wait.
 */
export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

export interface NotifySettings {
  /** The address people reach this server at, for links in messages (no trailing slash needed). */
  readonly publicUrl: string;
  /** smtp://user:pass@host:587 or smtps://…; no e-mail without it. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** The council's SMS gateway: receives a JSON POST {to, text, language, request}. */
  readonly smsWebhookUrl: string | undefined;
  readonly vapid: VapidKeys;
  /** The contact push services are told (a mailto: or https: URL). */
  readonly vapidSubject: string;
  /** Let push endpoints be private addresses: tests and local set-ups only. */
  readonly pushAllowPrivate: boolean;
}

export interface NotifyConfig {
  readonly publicUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string | undefined;
  readonly smsWebhookUrl: string | undefined;
  readonly vapidSubject: string | undefined;
  readonly pushAllowPrivate: boolean;
}

export function notifySettings(config: NotifyConfig, vapid: VapidKeys): NotifySettings {
  const host = new URL(config.publicUrl).hostname;
  const mailFrom =
    config.mailFrom ?? `Civic Desk <no-reply@${host.includes('.') ? host : 'localhost.localdomain'}>`;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return {
    publicUrl: config.publicUrl,
    smtpUrl: config.smtpUrl,
    mailFrom,
    smsWebhookUrl: config.smsWebhookUrl,
    vapid,
    vapidSubject: config.vapidSubject ?? `mailto:${address}`,
    pushAllowPrivate: config.pushAllowPrivate,
  };
}
