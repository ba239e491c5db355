/**
 * The service catalog for the desk (names of services and groups, questions
 * of the answers), read once per visit from the server: the desk keeps
 * nothing on the device, so it does not use the citizen's cached copy.
 */
import { createResource, type Resource } from 'solid-js';
import { localizeService, type Catalog, type Service } from '../../../core/catalog';
import type { Lang } from '../../../core/lang';
import { fetchCatalog, fetchUsers } from '../../../sync/staff/api';
import type { StaffUser } from '../../../sync/staff/schemas';

let catalog: Resource<Catalog | undefined> | undefined;
let users: Resource<readonly StaffUser[]> | undefined;

export function useCatalog(): Resource<Catalog | undefined> {
  catalog ??= createResource(async () => {
    const r = await fetchCatalog();
    return r.ok ? r.value : undefined;
  })[0];
  return catalog;
}

/** The staff list, for names and assigning; empty for roles that may not read it (officers). */
export function useStaffList(): Resource<readonly StaffUser[]> {
  users ??= createResource(async () => {
    const r = await fetchUsers();
    return r.ok ? r.value.users : [];
  })[0];
  return users;
}

export function serviceIn(c: Catalog | undefined, code: string, lang: Lang): Service | undefined {
  const s = c?.services.find((x) => x.service_code === code);
  return s ? localizeService(s, lang) : undefined;
}

export function groupsOf(c: Catalog | undefined, lang: Lang): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const s of c?.services ?? [])
    if (!seen.has(s.group_code)) seen.set(s.group_code, localizeService(s, lang).group);
  return [...seen].map(([code, name]) => ({ code, name }));
}

export function personName(list: readonly StaffUser[] | undefined, id: string | null): string | undefined {
  if (!id) return undefined;
  const u = list?.find((x) => x.id === id);
  return u ? (u.name ?? u.email) : undefined;
}
