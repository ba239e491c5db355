/**
 * Writes one Open311 answer in JSON or XML from the same plain value, so the
 * two formats cannot drift apart. Lists are JSON arrays and XML elements with
 * repeated children; errors follow the spec's errors list in both.
 */
import type { Format } from './path';
import type { Open311Error } from './errors';
import { renderXml, type ItemNames, type Plain } from './xml';

/** Every array name that can appear in an answer, with its item element. */
export const ITEM_NAMES: ItemNames = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_requests: 'request',
  notes: 'note',
  service_request_updates: 'request_update',
  errors: 'error',
};

export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export interface Body {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** `root` names the XML root element; the JSON answer is `value` itself. */
export function render(format: Format, root: string, value: Plain, status = 200): Body {
  return {
    status,
    contentType: CONTENT_TYPES[format],
    text: format === 'json' ? JSON.stringify(value) : renderXml(root, value, ITEM_NAMES),
  };
}

export function renderError(format: Format, error: Open311Error): Body {
  const list = error.errors.map((e) => ({ code: e.code, description: e.description }));
  return render(format, 'errors', list, error.status);
}
