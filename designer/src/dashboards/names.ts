// Names for groups that are ids: a lookup's target records by their primary field, and users (owner, created_by)
// from the user list where the reader may read it (administrators), else at least the reader's own name.
import { get, ProblemError } from '../api/client';
import { authApi } from '../api/auth';
import type { EntityDef } from '../api/metadata';
import { recordsApi } from '../api/records';
import { SYSTEM_USER_FIELDS } from './labels';

const MAX_IDS = 50;
const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

export async function userNames(tenant: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const me = await authApi.me(tenant);
    names.set(me.id, me.display_name || me.user_name);
  } catch { /* signed out: the shell takes the user to sign-in */ }
  try {
    const users = await get<{ value?: { id: string; user_name: string; display_name?: string | null }[] }>(tenant, '/admin/users');
    for (const u of users.value ?? []) names.set(u.id, u.display_name || u.user_name);
  } catch (e) {
    if (!(e instanceof ProblemError && (e.status === 403 || e.status === 404))) throw e;
  }
  return names;
}

/** The names of the ids a chart grouped by; ids it cannot name are left out (shown shortened). */
export async function groupNames(tenant: string, field: string, ids: unknown[], entity: EntityDef | undefined, entities: EntityDef[]): Promise<Map<string, string>> {
  const wanted = Array.from(new Set(ids.filter(isId))).slice(0, MAX_IDS);
  if (!wanted.length) return new Map();
  if (SYSTEM_USER_FIELDS.has(field)) return userNames(tenant);
  const target = entity?.fields.find((f) => f.name === field && f.type === 'lookup')?.target;
  const primary = entities.find((e) => e.name === target)?.primaryField;
  if (!target || !primary) return new Map();
  const page = await recordsApi.list(tenant, target, { filter: wanted.map((id) => `id eq ${id}`).join(' or '), select: `id,${primary}`, top: wanted.length });
  return new Map(page.value.map((r) => [String(r.id), String(r[primary] ?? r.id)]));
}
