import { query, request } from './client';

export type RecordData = Record<string, unknown> & { id?: string; row_version?: string | number };

export interface ListParams {
  filter?: string; orderby?: string; top?: number; skip?: number; select?: string; expand?: string; search?: string;
}
export interface ListResult { value: RecordData[]; count?: number; countIsCapped?: boolean; nextLink?: string }

const base = (entity: string) => `/data/${encodeURIComponent(entity)}`;

export const recordsApi = {
  async list(tenant: string, entity: string, p: ListParams, signal?: AbortSignal): Promise<ListResult> {
    const qs = query({ $filter: p.filter, $orderby: p.orderby, $top: p.top, $skip: p.skip, $select: p.select, $expand: p.expand, $count: 'true' });
    const { data } = await request<Record<string, unknown>>(tenant, base(entity) + qs, { signal });
    return {
      value: (data.value as RecordData[]) ?? [],
      count: data['@odata.count'] as number | undefined,
      countIsCapped: data['@platform.countIsCapped'] as boolean | undefined,
      nextLink: data['@odata.nextLink'] as string | undefined,
    };
  },
  async get(tenant: string, entity: string, id: string, expand?: string, signal?: AbortSignal) {
    const { data, etag } = await request<RecordData>(tenant, `${base(entity)}/${encodeURIComponent(id)}${query({ $expand: expand })}`, { signal });
    return { record: data, etag };
  },
  async create(tenant: string, entity: string, body: RecordData) {
    const { data, etag } = await request<RecordData>(tenant, base(entity), { method: 'POST', body, headers: { 'Idempotency-Key': newKey() } });
    return { record: data, etag };
  },
  /** PATCH with If-Match (a stale version answers 412); etag null overwrites whatever is stored. */
  async update(tenant: string, entity: string, id: string, body: RecordData, etag: string | null) {
    const headers: Record<string, string> = {};
    if (etag) headers['If-Match'] = etag;
    const { data, etag: next } = await request<RecordData>(tenant, `${base(entity)}/${encodeURIComponent(id)}`, { method: 'PATCH', body, headers });
    return { record: data, etag: next };
  },
  async remove(tenant: string, entity: string, id: string, etag?: string | null) {
    const headers: Record<string, string> = {};
    if (etag) headers['If-Match'] = etag;
    await request<void>(tenant, `${base(entity)}/${encodeURIComponent(id)}`, { method: 'DELETE', headers });
  },
};

/** crypto.randomUUID exists only in secure contexts (https, localhost); plain http on a LAN address needs a fallback. */
function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
