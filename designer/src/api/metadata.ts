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

/** An entity's records, or a dashboard (then entity is empty). */
export interface NavItem { entity: string; label?: LocaleText; view?: string; module?: string; dashboard?: string }
export interface NavGroup { label?: LocaleText; items: NavItem[] }

/** A JSON condition over the record (forms' rules): a comparison, or and / or / not of conditions. */
export type Condition =
  | { field: string; op: 'eq' | 'ne' | 'in' | 'notIn' | 'empty' | 'notEmpty' | 'gt' | 'lt'; value?: unknown }
  | { and: Condition[] } | { or: Condition[] } | { not: Condition };

export interface FormRule { when: Condition; visible?: string[]; required?: string[]; readOnly?: string[] }
export interface FormSection { id?: string; label?: LocaleText; columns?: 1 | 2; rows: string[][] }
export interface FormTab { id: string; label?: LocaleText; sections: FormSection[] }
/** A related list: a many-to-many relation, or the records of another entity whose lookup points here. */
export interface RelatedList { relation?: string; entity?: string; lookup?: string; label?: LocaleText; columns: string[] }
export interface FormDoc {
  id?: string; entity: string; label?: LocaleText; header: string[]; tabs: FormTab[];
  relatedLists: RelatedList[]; timeline?: boolean; auditHistory?: boolean; rules: FormRule[]; generated?: boolean;
  /** A bar of the stages of a choice field, each with its key fields (see forms/stageBar.ts). */
  stageBar?: { field: string; stages: Record<string, { fields: string[] }> };
}

export interface ViewColumn { field: string; width?: number }
export interface ViewDoc {
  id?: string; name?: LocaleText; entity: string; columns: string[]; widths?: Record<string, number>;
  orderBy?: string; filter?: string; kanban?: { groupBy: string; cardFields?: string[] }; default?: boolean; generated?: boolean;
  /** Saved-views route: shared (documents or their tenant override) or the caller's personal view, and its version. */
  scope?: 'shared' | 'personal'; etag?: string;
}

/** One entry of the field-types route: a type's name and the storage kind its values have. */
export interface FieldTypeInfo { name: string; label?: LocaleText; storage: string; computed?: boolean; filterOperators?: string[] }

/** Every field a form shows (header and sections), in order, without repeats. */
export function formFields(form: FormDoc): string[] {
  return Array.from(new Set([...form.header, ...form.tabs.flatMap((t) => t.sections.flatMap((s) => s.rows.flat()))]));
}

/** System fields every record has; shown read-only, never edited. */
export const SYSTEM_FIELDS: FieldDef[] = [
  { name: 'created_at', type: 'datetime', label: { en: 'Created', 'zh-CN': '创建时间' } },
  { name: 'modified_at', type: 'datetime', label: { en: 'Modified', 'zh-CN': '修改时间' } },
  { name: 'owner', type: 'user', label: { en: 'Owner', 'zh-CN': '负责人' } },
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
    const o = x as { entity?: string; name?: string; label?: LocaleText; view?: string; module?: string; dashboard?: string };
    if (o?.dashboard) return { entity: '', dashboard: o.dashboard, label: o.label, module: o.module };
    return o?.entity || o?.name ? { entity: (o.entity ?? o.name)!, label: o.label, view: o.view ?? undefined, module: o.module } : null;
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

/** Reads the form route's document ({id, entity, header, tabs: [{sections: [{columns, rows}]}], relatedLists, rules}). */
export function normalizeForm(entity: string, doc: unknown): FormDoc {
  const d = (doc ?? {}) as Record<string, unknown>;
  const names = (x: unknown): string[] => asArray(x).map(fieldName).filter((n): n is string => !!n);
  const tabs: FormTab[] = asArray(d.tabs).map((t, i) => {
    const o = t as { id?: string; label?: LocaleText; sections?: unknown[] };
    return {
      id: o.id ?? `tab${i}`, label: o.label,
      sections: asArray(o.sections).map((x) => {
        const s = x as { id?: string; label?: LocaleText; columns?: number; rows?: unknown[] };
        return { id: s.id, label: s.label, columns: s.columns === 1 ? 1 : 2, rows: asArray(s.rows).map((r) => names(Array.isArray(r) ? r : [r])).filter((r) => r.length) } as FormSection;
      }).filter((s) => s.rows.length),
    };
  }).filter((t) => t.sections.length);
  return {
    id: d.id as string | undefined, entity, label: d.label as LocaleText, header: names(d.header), tabs,
    relatedLists: asArray(d.relatedLists).map((r) => { const o = r as RelatedList; return { ...o, columns: names(o.columns) }; }),
    timeline: !!d.timeline, auditHistory: !!d.auditHistory,
    rules: asArray(d.rules).filter((r) => !!(r as FormRule)?.when) as FormRule[],
    generated: !!d.generated,
    stageBar: d.stageBar && typeof (d.stageBar as { field?: unknown }).field === 'string'
      ? { field: (d.stageBar as { field: string }).field, stages: ((d.stageBar as { stages?: Record<string, { fields: string[] }> }).stages ?? {}) } : undefined,
  };
}

export function generateForm(entity: EntityDef): FormDoc {
  const rows: string[][] = [];
  const wide = entity.fields.filter((f) => f.type === 'longtext');
  const narrow = entity.fields.filter((f) => f.type !== 'longtext');
  for (let i = 0; i < narrow.length; i += 2) rows.push(narrow.slice(i, i + 2).map((f) => f.name));
  const sections: FormSection[] = [{ id: 'main', columns: 2, rows }];
  if (wide.length) sections.push({ id: 'long', columns: 1, rows: wide.map((f) => [f.name]) });
  return { entity: entity.name, generated: true, header: [], tabs: [{ id: 'main', sections }], relatedLists: [], rules: [] };
}

/** Reads the views route ({value: [view]}): columns [{field, width}], sort [{field, direction}], filter, default. The
 * default view comes first. */
export function normalizeViews(entity: string, doc: unknown): ViewDoc[] {
  const list = Array.isArray(doc) ? doc : asArray((doc as { value?: unknown })?.value);
  const views = list.map((v) => {
    const o = v as { id?: string; label?: LocaleText; columns?: unknown[]; sort?: unknown; filter?: string | null; kanban?: { groupBy: string; cardFields?: string[] } | null; default?: boolean; generated?: boolean };
    const widths: Record<string, number> = {};
    for (const c of asArray(o.columns)) { const x = c as ViewColumn; if (x && typeof x === 'object' && x.width) widths[x.field] = x.width; }
    const orderBy = asArray(o.sort).map((s) => {
      if (typeof s === 'string') return s;
      const x = s as { field: string; direction?: string };
      return `${x.field}${x.direction === 'desc' ? ' desc' : ''}`;
    }).join(',') || undefined;
    return {
      id: o.id, name: o.label, entity, columns: asArray(o.columns).map(fieldName).filter((n): n is string => !!n), widths, orderBy,
      filter: typeof o.filter === 'string' && o.filter ? o.filter : undefined, kanban: o.kanban ?? undefined, default: !!o.default, generated: !!o.generated,
    } as ViewDoc;
  }).filter((v) => v.columns.length);
  return [...views.filter((v) => v.default), ...views.filter((v) => !v.default)];
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
  /** The navigation route ({value: [{module, entity, label, view} | {module, dashboard}]}); generated only from a host without it. */
  async navigation(tenant: string, entities: EntityDef[]): Promise<NavGroup[]> {
    const doc = await orNull(() => get<unknown>(tenant, '/metadata/navigation'));
    const groups = doc ? normalizeNavigation(doc) : [];
    return doc && groups.some((g) => g.items.length) ? groups : generateNavigation(entities);
  },
  /** The entity's form; the host generates one where no module ships it (generated: true). */
  async form(tenant: string, entity: EntityDef): Promise<FormDoc> {
    const doc = await orNull(() => get<unknown>(tenant, `/metadata/forms/${encodeURIComponent(entity.name)}`));
    const form = doc ? normalizeForm(entity.name, doc) : null;
    return form && form.tabs.length ? form : generateForm(entity);
  },
  /** The entity's views, the default first; the host generates one where no module ships any. */
  async views(tenant: string, entity: EntityDef): Promise<ViewDoc[]> {
    const doc = await orNull(() => get<unknown>(tenant, `/metadata/views/${encodeURIComponent(entity.name)}`));
    const views = doc ? normalizeViews(entity.name, doc) : [];
    return views.length ? views : [generateView(entity)];
  },
  /** Field types the host knows ({value: [{name, storage, ...}]}); empty when the route is not there. */
  async fieldTypes(tenant: string): Promise<FieldTypeInfo[]> {
    const doc = await orNull(() => get<unknown>(tenant, '/metadata/field-types'));
    const list = Array.isArray(doc) ? doc : asArray((doc as { value?: unknown })?.value);
    return list.filter((x): x is FieldTypeInfo => !!x && typeof (x as FieldTypeInfo).name === 'string');
  },
};
