// Metadata: entities today; navigation, form and view documents and field types when the host serves them.
// Every document route falls back to one generated from the entity definitions when it answers 404, so the app
// works against hosts with or without those routes.
import { ProblemError, get } from './client';

export type LocaleText = string | Record<string, string> | null | undefined;

export type FieldType =
  | 'text' | 'longtext' | 'integer' | 'decimal' | 'currency' | 'boolean' | 'date' | 'datetime'
  | 'choice' | 'multichoice' | 'email' | 'phone' | 'url' | 'lookup' | 'autonumber' | string;

export interface ChoiceOption { value: string; label?: LocaleText }

export interface FieldDef {
  name: string;
  type: FieldType;
  label?: LocaleText;
  description?: LocaleText;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  precision?: number;
  scale?: number;
  options?: ChoiceOption[];
  target?: string;
  format?: string;
  formula?: string;
  default?: unknown;
  unique?: boolean;
}

export type AccessLevel = 'full' | 'masked' | 'readOnly' | 'hidden';

export interface EntityDef {
  name: string;
  label?: LocaleText;
  pluralLabel?: LocaleText;
  primaryField?: string;
  fields: FieldDef[];
  relations?: { name: string; type: string; target: string }[];
  access?: { privileges?: Record<string, string>; fields?: Record<string, AccessLevel> };
}

export interface EntityList { schemaVersion?: string; value: EntityDef[] }

export interface NavItem { entity: string; label?: LocaleText }
export interface NavGroup { label?: LocaleText; items: NavItem[] }

export interface FormSection { label?: LocaleText; fields: string[] }
export interface FormDoc { entity: string; sections: FormSection[]; generated?: boolean }

export interface ViewDoc { id?: string; name?: LocaleText; entity: string; columns: string[]; orderBy?: string; filter?: string; generated?: boolean }

/** System fields every record has; shown read-only, never edited. */
export const SYSTEM_FIELDS: FieldDef[] = [
  { name: 'created_at', type: 'datetime', label: { en: 'Created', 'zh-CN': '创建时间' } },
  { name: 'modified_at', type: 'datetime', label: { en: 'Modified', 'zh-CN': '修改时间' } },
];

async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try { return await load(); } catch (e) {
    if (e instanceof ProblemError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const fieldName = (x: unknown): string | null =>
  typeof x === 'string' ? x : x && typeof x === 'object' ? ((x as { field?: string; name?: string }).field ?? (x as { name?: string }).name ?? null) : null;

/** Reads a navigation document in the shapes the host may answer ({groups}, {items}, {value}, or an array). */
export function normalizeNavigation(doc: unknown): NavGroup[] {
  const d = doc as Record<string, unknown>;
  const groups = Array.isArray(doc) ? null : asArray(d?.groups ?? d?.areas ?? d?.sections);
  const toItem = (x: unknown): NavItem | null => {
    if (typeof x === 'string') return { entity: x };
    const o = x as { entity?: string; name?: string; label?: LocaleText };
    return o?.entity || o?.name ? { entity: (o.entity ?? o.name)!, label: o.label } : null;
  };
  if (groups && groups.length) {
    return groups.map((g) => {
      const o = g as { label?: LocaleText; items?: unknown[]; entities?: unknown[] };
      return { label: o.label, items: asArray(o.items ?? o.entities).map(toItem).filter((i): i is NavItem => !!i) };
    });
  }
  const items = Array.isArray(doc) ? doc : asArray(d?.items ?? d?.value ?? d?.entities);
  return [{ items: items.map(toItem).filter((i): i is NavItem => !!i) }];
}

export function generateNavigation(entities: EntityDef[]): NavGroup[] {
  return [{ items: entities.map((e) => ({ entity: e.name })) }];
}

/** Reads a form document: {tabs:[{sections}]}, {sections}, or {fields}. */
export function normalizeForm(entity: string, doc: unknown): FormDoc {
  const d = (Array.isArray((doc as { value?: unknown })?.value) ? asArray((doc as { value: unknown[] }).value)[0] : doc) as Record<string, unknown>;
  const sectionOf = (s: unknown): FormSection => {
    const o = s as { label?: LocaleText; title?: LocaleText; fields?: unknown[]; columns?: unknown[]; rows?: unknown[] };
    const fields = asArray(o.fields ?? o.rows).flatMap((f) => (Array.isArray(f) ? f : [f])).map(fieldName).filter((n): n is string => !!n);
    const fromColumns = asArray(o.columns).flatMap((c) => asArray((c as { fields?: unknown[] })?.fields)).map(fieldName).filter((n): n is string => !!n);
    return { label: o.label ?? o.title, fields: [...fields, ...fromColumns] };
  };
  let sections: FormSection[] = [];
  if (Array.isArray(d?.tabs)) sections = d.tabs.flatMap((t: { sections?: unknown[]; label?: LocaleText; fields?: unknown[] }) =>
    t.sections ? t.sections.map(sectionOf) : [sectionOf(t)]);
  else if (Array.isArray(d?.sections)) sections = d.sections.map(sectionOf);
  else if (Array.isArray(d?.fields)) sections = [sectionOf(d)];
  return { entity, sections: sections.filter((s) => s.fields.length) };
}

export function generateForm(entity: EntityDef): FormDoc {
  return { entity: entity.name, generated: true, sections: [{ fields: entity.fields.map((f) => f.name) }] };
}

/** Reads view documents ({value:[...]}, an array, or one view) and keeps the first (the default). */
export function normalizeViews(entity: string, doc: unknown): ViewDoc[] {
  const list = Array.isArray(doc) ? doc : Array.isArray((doc as { value?: unknown })?.value) ? (doc as { value: unknown[] }).value : [doc];
  return list.map((v) => {
    const o = v as { id?: string; name?: LocaleText; label?: LocaleText; columns?: unknown[]; orderBy?: unknown; sort?: unknown; filter?: string };
    let orderBy: string | undefined;
    if (typeof o.orderBy === 'string') orderBy = o.orderBy;
    else if (Array.isArray(o.orderBy ?? o.sort)) orderBy = asArray(o.orderBy ?? o.sort).map((s) => {
      if (typeof s === 'string') return s;
      const x = s as { field: string; direction?: string; desc?: boolean };
      return `${x.field}${x.direction === 'desc' || x.desc ? ' desc' : ''}`;
    }).join(',');
    return { id: o.id, name: o.name ?? o.label, entity, columns: asArray(o.columns).map(fieldName).filter((n): n is string => !!n), orderBy, filter: typeof o.filter === 'string' ? o.filter : undefined };
  }).filter((v) => v.columns.length);
}

const LIST_TYPES_SKIPPED = new Set(['longtext']);
export function generateView(entity: EntityDef): ViewDoc {
  const primary = entity.primaryField ?? entity.fields[0]?.name;
  const rest = entity.fields.filter((f) => f.name !== primary && !LIST_TYPES_SKIPPED.has(f.type)).slice(0, 5).map((f) => f.name);
  return { entity: entity.name, generated: true, columns: [primary, ...rest].filter(Boolean) as string[], orderBy: 'modified_at desc' };
}

export const metadataApi = {
  entities: (tenant: string) => get<EntityList>(tenant, '/metadata/entities'),
  entity: (tenant: string, entity: string) => get<EntityDef>(tenant, `/metadata/entities/${encodeURIComponent(entity)}`),
  async navigation(tenant: string, entities: EntityDef[]): Promise<NavGroup[]> {
    const doc = await orNull(() => get<unknown>(tenant, '/metadata/navigation'));
    const groups = doc ? normalizeNavigation(doc) : [];
    return groups.some((g) => g.items.length) ? groups : generateNavigation(entities);
  },
  async form(tenant: string, entity: EntityDef): Promise<FormDoc> {
    const doc = await orNull(() => get<unknown>(tenant, `/metadata/forms/${encodeURIComponent(entity.name)}`));
    const form = doc ? normalizeForm(entity.name, doc) : null;
    return form && form.sections.length ? form : generateForm(entity);
  },
  async views(tenant: string, entity: EntityDef): Promise<ViewDoc[]> {
    const doc = await orNull(() => get<unknown>(tenant, `/metadata/views/${encodeURIComponent(entity.name)}`));
    const views = doc ? normalizeViews(entity.name, doc) : [];
    return views.length ? views : [generateView(entity)];
  },
  /** Field types the host knows (for a later studio); null when the route is not there. */
  fieldTypes: (tenant: string) => orNull(() => get<unknown>(tenant, '/metadata/field-types')),
};
