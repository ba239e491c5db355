/**
 * Which contact details a request may be told on, from what the person gave
 * and agreed to. In the app is always (the device pulls its changes); web
 * push is agreed per device by registering a subscription (push-subscriptions.ts).
 */
import type { Contact } from '../../src/core/request';

export interface Consent {
  readonly email: boolean;
  readonly sms: boolean;
}

export function consentOf(contact: Contact | undefined): Consent {
  if (!contact?.consent_updates) return { email: false, sms: false };
  // Older devices send no list: their consent covered every detail given.
  const listed = contact.consent_channels;
  const agreed = (c: 'email' | 'sms') => listed === undefined || listed.includes(c);
  return {
    email: agreed('email') && Boolean(contact.email),
    sms: agreed('sms') && Boolean(contact.phone),
  };
}
