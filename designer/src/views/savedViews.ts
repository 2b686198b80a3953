// The saved-views routes: the shared views (module documents or the tenant's saved override) and the caller's
// personal views. A host without the routes (404) falls back to the metadata views, read-only.
import { ProblemError, request } from '../api/client';
import { metadataApi, normalizeViews, type EntityDef, type LocaleText, type ViewDoc } from '../api/metadata';

/** What the list screen saves: the view document's editable part. */
export interface SavedViewBody {
  label: LocaleText;
  columns: { field: string; width?: number }[];
  filter?: string;
  sort: { field: string; direction?: 'asc' | 'desc' }[];
  kanban?: { groupBy: string; cardFields?: string[] };
}

const base = (entity: string) => `/views/${encodeURIComponent(entity)}`;

/** Reads the route's {value: [view]}: each view normalized like a metadata view, with its scope and etag kept. */
export function readSavedViews(entity: string, doc: unknown): ViewDoc[] {
  const list = (doc as { value?: unknown[] })?.value ?? [];
  return list.flatMap((raw) => {
    const [view] = normalizeViews(entity, { value: [raw] });
    if (!view) return [];
    const o = raw as { scope?: string; etag?: string };
    return [{ ...view, scope: o.scope === 'personal' ? 'personal' as const : 'shared' as const, etag: o.etag }];
  });
}

/** The views and whether the caller may save over or reset the shared ones (the host's answer, so never offered in vain). */
export interface SavedViewList { views: ViewDoc[]; maySaveShared: boolean }

export const savedViewsApi = {
  async list(tenant: string, entity: EntityDef): Promise<SavedViewList> {
    try {
      const { data } = await request<unknown>(tenant, base(entity.name));
      const views = readSavedViews(entity.name, data);
      if (views.length) return { views, maySaveShared: (data as { maySaveShared?: unknown })?.maySaveShared === true };
    } catch (e) {
      if (!(e instanceof ProblemError && (e.status === 404 || e.status === 405))) throw e;
    }
    return { views: await metadataApi.views(tenant, entity), maySaveShared: false };
  },
  async createPersonal(tenant: string, entity: string, body: SavedViewBody): Promise<ViewDoc> {
    const { data } = await request<unknown>(tenant, `${base(entity)}/personal`, { method: 'POST', body });
    return readSavedViews(entity, { value: [data] })[0];
  },
  /** Replaces one of the caller's views; the etag is the version loaded (412 when it changed in another tab). */
  async replacePersonal(tenant: string, entity: string, id: string, etag: string | undefined, body: SavedViewBody): Promise<ViewDoc> {
    const headers: Record<string, string> = etag ? { 'If-Match': etag } : {};
    const { data } = await request<unknown>(tenant, `${base(entity)}/personal/${encodeURIComponent(id)}`, { method: 'PUT', body, headers });
    return readSavedViews(entity, { value: [data] })[0];
  },
  async removePersonal(tenant: string, entity: string, id: string): Promise<void> {
    await request<void>(tenant, `${base(entity)}/personal/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
  /** Drops the tenant's saved version of a shared view (the module's document shows again); 412 when saved meanwhile. */
  async resetShared(tenant: string, entity: string, id: string, etag: string): Promise<void> {
    await request<void>(tenant, `${base(entity)}/shared/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { 'If-Match': etag } });
  },
  /** Saves over a shared view; the etag is the version loaded, so a change saved meanwhile answers 412. */
  async replaceShared(tenant: string, entity: string, id: string, etag: string, body: SavedViewBody): Promise<ViewDoc> {
    const { data } = await request<unknown>(tenant, `${base(entity)}/shared/${encodeURIComponent(id)}`, { method: 'PUT', body, headers: { 'If-Match': etag } });
    return readSavedViews(entity, { value: [data] })[0];
  },
};
