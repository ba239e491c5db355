/**
 * Helpers for the Open311 HTTP tests: API keys made the way the CLI makes
 * them, form-encoded POSTs as Open311 clients send them, and answers read
 * as JSON or as XML.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { catalogSchema, type Service } from '../../src/core/catalog';
import { apiKeyCreate } from '../../server/cli/commands';
import type { Db } from '../../server/db/types';
import type { TestServer } from './helpers/server';
import { parseXml, type XmlNode } from './open311-xml';

const demoCatalog = catalogSchema.parse(
  JSON.parse(readFileSync(new URL('../../server/catalog/demo-catalog.json', import.meta.url), 'utf8')),
);

/** A service of the demo catalog the server seeds. */
export function demoService(code: string): Service {
  const s = demoCatalog.services.find((x) => x.service_code === code);
  if (!s) throw new Error(`no ${code} in the demo catalog`);
  return s;
}

export const JURISDICTION = 'civicdesk.example';
export const ZONE = 'Africa/Lagos';

/** A new key through the CLI command, so the tests use the stored form the CLI writes. */
export async function newApiKey(db: Db, name: string): Promise<string> {
  const out = await apiKeyCreate(db, [name]);
  const key = out.trim().split('\n').pop() ?? '';
  if (!key.startsWith('cdk_')) throw new Error(`unexpected CLI output: ${out}`);
  return key;
}

export type Entries = readonly (readonly [string, string])[];

/** POST with an application/x-www-form-urlencoded body, keeping repeated keys. */
export function postForm(s: TestServer, path: string, entries: Entries): Promise<Response> {
  const body = new URLSearchParams(entries.map(([k, v]) => [k, v])).toString();
  return s.request('POST', path, body, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/** A valid streetlight request; the tests add or take away what they look at. */
export function streetlightForm(apiKey: string, extra: Entries = []): Entries {
  return [
    ['api_key', apiKey],
    ['service_code', 'streetlight-out'],
    ['lat', '7.3964'],
    ['long', '3.9167'],
    ['description', 'Three lamps dark on Ring Road'],
    ['attribute[lamp_count]', '3'],
    ['attribute[problem]', 'dark'],
    ['email', 'ada@example.org'],
    ['first_name', 'Ada'],
    ['last_name', 'Obi'],
    ...extra,
  ];
}

export function without(entries: Entries, ...keys: string[]): Entries {
  return entries.filter(([k]) => !keys.includes(k));
}

export async function json<T = Record<string, unknown>[]>(res: Response): Promise<T> {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/json; charset=utf-8/);
  return (await res.json()) as T;
}

export async function xml(res: Response): Promise<XmlNode> {
  expect(res.headers.get('Content-Type')).toMatch(/^text\/xml; charset=utf-8/);
  const text = await res.text();
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return parseXml(text);
}

/** The descriptions of an Open311 error answer, checking its status and shape. */
export async function errorsOf(res: Response, status: number): Promise<string[]> {
  expect(res.status).toBe(status);
  const list = await json<{ code: number; description: string }[]>(res);
  for (const e of list) expect(e.code).toBe(status);
  return list.map((e) => e.description);
}
