import { describe, expect, it } from 'vitest';
import type { Service } from '../../../src/core/catalog';
import { localizeService } from '../../../src/core/catalog';
import { foldText, groupServices, searchServices } from '../../../src/forms/service-search';
import { streetlightService } from '../../fixtures/service';

const service = (code: string, name: string, group: string, keywords: string[] = []): Service => ({
  ...streetlightService,
  service_code: code,
  service_name: name,
  description: `${name}.`,
  group,
  group_code: group.toLowerCase(),
  keywords,
  i18n: {},
});

const catalog = [
  service('pothole', 'Pothole in the road', 'Streets', ['hole', 'road']),
  service('bin', 'Missed bin collection', 'Waste', ['rubbish', 'trash']),
  service('light', 'Broken streetlight', 'Streets', ['lamp', 'dark']),
  service('dumping', 'Rubbish dumped', 'Waste', ['fly-tipping']),
];

describe('foldText', () => {
  it('ignores case, accents and marks', () => {
    expect(foldText('Éclairage PUBLIC')).toBe('eclairage public');
    expect(foldText('Ìdọ̀tí')).toBe('idoti');
    expect(foldText('  Rue ')).toBe('rue');
  });
});

describe('searchServices', () => {
  it('returns everything for an empty query', () => {
    expect(searchServices(catalog, '   ')).toEqual(catalog);
  });

  it('finds by name, keyword and description; name matches first', () => {
    expect(searchServices(catalog, 'rubbish').map((s) => s.service_code)).toEqual(['dumping', 'bin']);
    expect(searchServices(catalog, 'lamp').map((s) => s.service_code)).toEqual(['light']);
    expect(searchServices(catalog, 'nothing like this')).toEqual([]);
  });

  it('needs every word to match', () => {
    expect(searchServices(catalog, 'road hole').map((s) => s.service_code)).toEqual(['pothole']);
    expect(searchServices(catalog, 'road bin')).toEqual([]);
  });

  it('searches in the person’s language', () => {
    const fr = localizeService(streetlightService, 'fr');
    expect(searchServices([fr], 'lumiere')).toEqual([fr]);
    expect(searchServices([fr], 'LAMPADAIRE')).toEqual([fr]);
  });
});

describe('groupServices', () => {
  it('keeps the catalog order of groups and of services within them', () => {
    const groups = groupServices(catalog);
    expect(groups.map((g) => g.name)).toEqual(['Streets', 'Waste']);
    expect(groups[0]?.services.map((s) => s.service_code)).toEqual(['pothole', 'light']);
  });
});
