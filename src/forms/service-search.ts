/**
 * Finding a service on the home page: grouping the catalog and searching it
 * by name, description and keywords in the person's language. Search ignores
 * case and accents ("eclairage" finds "éclairage", "omi" finds "omi"), because
 * people on a phone keyboard rarely type them.
 */
import type { Service } from '../core/catalog';

export interface ServiceGroup {
  readonly code: string;
  readonly name: string;
  readonly services: readonly Service[];
}

/** Groups in the order the catalog first mentions them; services keep catalog order. */
export function groupServices(services: readonly Service[]): ServiceGroup[] {
  const groups = new Map<string, { code: string; name: string; services: Service[] }>();
  for (const s of services) {
    let g = groups.get(s.group_code);
    if (!g) {
      g = { code: s.group_code, name: s.group, services: [] };
      groups.set(s.group_code, g);
    }
    g.services.push(s);
  }
  return [...groups.values()];
}

/** Lower case without accents or marks, so people need not type them. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();
}

/**
 * Services whose name, description or keywords contain every word of the
 * query. Name matches come first, then keyword matches, then the rest.
 */
export function searchServices(services: readonly Service[], query: string): Service[] {
  const words = foldText(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [...services];
  const scored: { s: Service; score: number; i: number }[] = [];
  services.forEach((s, i) => {
    const name = foldText(s.service_name);
    const keywords = s.keywords.map(foldText).join(' ');
    const all = `${name} ${keywords} ${foldText(s.description)} ${foldText(s.group)}`;
    if (!words.every((w) => all.includes(w))) return;
    const score = words.every((w) => name.includes(w)) ? 0 : words.every((w) => keywords.includes(w)) ? 1 : 2;
    scored.push({ s, score, i });
  });
  return scored.sort((a, b) => a.score - b.score || a.i - b.i).map((x) => x.s);
}
