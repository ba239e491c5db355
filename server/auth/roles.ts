/**
 * Who may do what. Roles are data; routes and sync handlers ask `can` for a
 * permission, and auth/scope for which requests (groups, assignments).
 * - agent: triage (acknowledge, assign, duplicate) and update any request.
 * - officer: field work (visits, in-person requests) and updates on the requests assigned to them.
 * - manager: everything an agent and an officer do, plus statistics, response templates and the catalog.
 * - admin: everything, plus staff accounts and kiosks.
 */
import { z } from 'zod';

export const ROLES = ['agent', 'officer', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export type Permission =
  'read_all' | 'triage' | 'update' | 'field' | 'stats' | 'templates' | 'catalog' | 'users' | 'kiosks';

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  agent: ['read_all', 'triage', 'update'],
  officer: ['update', 'field'],
  manager: ['read_all', 'triage', 'update', 'field', 'stats', 'templates', 'catalog'],
  admin: ['read_all', 'triage', 'update', 'field', 'stats', 'templates', 'catalog', 'users', 'kiosks'],
};

export interface StaffUser {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: Role;
}

export function can(user: StaffUser, permission: Permission): boolean {
  return GRANTS[user.role].includes(permission);
}

/** Who did something, as recorded on each request event. */
export type Actor =
  | { readonly kind: 'staff'; readonly user: StaffUser }
  | { readonly kind: 'citizen' }
  | { readonly kind: 'device' }
  /** The server itself (the contact retention sweep). */
  | { readonly kind: 'system' }
  | { readonly kind: 'api'; readonly keyId?: string };

export function actorLabel(actor: Actor): string {
  return actor.kind === 'staff' ? actor.user.id : actor.kind;
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.user.id : null;
}
