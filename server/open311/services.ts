/**
 * The catalog in Open311's words: the discovery document, the service list
 * and one service definition. Our own additions to a service (icon, service
 * level, translations) stay out; texts come in the asked-for language with
 * English where a translation is missing.
 */
import { localizeService, type Attribute, type Service } from '../../src/core/catalog';
import { matchLanguage, type Lang } from '../../src/core/lang';
import type { PlainRecord } from './xml';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When this server's Open311 interface last changed in a way a client could notice. */
export const OPEN311_CHANGESET = '2026-11-23T00:00:00Z';

export interface DiscoveryOptions {
  /** Absolute URL of the v2 endpoint, e.g. https://city.example/open311/v2 */
  readonly endpointUrl: string;
  readonly jurisdictionName: string;
}

export function discoveryDocument(o: DiscoveryOptions): PlainRecord {
  return {
    changeset: OPEN311_CHANGESET,
    contact: `${o.jurisdictionName}: ask the service desk for help with this API.`,
    key_service: `API keys are issued by the administrators of ${o.jurisdictionName} (npm run civic -- api-key create NAME).`,
    endpoints: [
      {
        specification: SPECIFICATION,
        url: o.endpointUrl,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** `locale` as clients send it ('fr', 'fr_FR', 'pt-BR'); English when absent or not ours. */
export function languageOf(locale: string | undefined): Lang {
  return matchLanguage(locale === undefined ? [] : [locale]);
}

export function serviceListItem(service: Service, lang: Lang): PlainRecord {
  const s = localizeService(service, lang);
  return {
    service_code: s.service_code,
    service_name: s.service_name,
    description: s.description,
    metadata: s.metadata,
    type: s.type,
    // The spec's examples give keywords as one comma-separated string.
    keywords: s.keywords.join(', '),
    group: s.group,
  };
}

function attributeItem(a: Attribute): PlainRecord {
  const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
  return {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: a.datatype_description,
    order: a.order,
    description: a.description,
    ...(isList ? { values: (a.values ?? []).map((v) => ({ key: v.key, name: v.name })) } : {}),
  };
}

export function serviceDefinition(service: Service, lang: Lang): PlainRecord {
  const s = localizeService(service, lang);
  const attributes = [...s.attributes].sort((a, b) => a.order - b.order).map(attributeItem);
  return { service_code: s.service_code, attributes };
}
