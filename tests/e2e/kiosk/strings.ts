/**
 * What a person at the kiosk reads, in any of the eight languages, taken
 * from the app's own locale files and the catalog, so a spec can walk every
 * screen by role and accessible name in each language as a reader of it would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../../src/core/lang';
import catalog from '../../../server/catalog/demo-catalog.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

function load(file: string): Tree {
  return JSON.parse(readFileSync(path.join('src/i18n/locales', file), 'utf8')) as Tree;
}

function pick(tree: Tree, key: string): string {
  const value = key
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      tree,
    );
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value;
}

export interface KioskStrings {
  readonly welcome: string;
  readonly steps: { questions: string; details: string; location: string; contact: string; check: string };
  readonly continue: string;
  readonly description: string;
  readonly address: string;
  readonly name: string;
  readonly phone: string;
  readonly send: string;
  readonly receiptTitle: string;
  readonly qr: string;
  readonly print: string;
  readonly finish: string;
  readonly idleTitle: string;
  readonly stillHere: string;
  readonly enrolFailed: string;
  readonly notKioskTitle: string;
  /** The pothole service's name in this language. */
  readonly pothole: string;
}

export function kioskStrings(lang: Lang): KioskStrings {
  const [main, rooms] = [load(`${lang}.json`), load(`rooms/${lang}.json`)];
  const m = (key: string) => pick(main, key);
  const r = (key: string) => pick(rooms, key);
  const pothole = catalog.services.find((s) => s.service_code === 'pothole');
  const i18n = pothole?.i18n as Record<string, { service_name: string }> | undefined;
  return {
    welcome: r('kiosk.welcomeTitle'),
    steps: {
      questions: m('form.steps.questions'),
      details: m('form.steps.details'),
      location: m('form.steps.location'),
      contact: m('form.steps.contact'),
      check: m('form.steps.check'),
    },
    continue: m('form.continue'),
    description: m('field.description.label'),
    address: m('field.location.addressLabel'),
    name: m('field.contact.name'),
    phone: m('field.contact.phone'),
    send: m('check.send'),
    receiptTitle: r('kiosk.receiptTitle'),
    qr: r('kiosk.qrAlt'),
    print: r('kiosk.print'),
    finish: r('kiosk.finish'),
    idleTitle: r('kiosk.idleTitle'),
    stillHere: r('kiosk.stillHere'),
    enrolFailed: r('kiosk.enrolFailed'),
    notKioskTitle: r('kiosk.notKioskTitle'),
    pothole: lang === 'en' ? (pothole?.service_name ?? '') : (i18n?.[lang]?.service_name ?? ''),
  };
}
