// The list's bulk routes: PATCH .../bulk (all or nothing, per-record pointers) and GET .../export (CSV).
import { ProblemError, request } from '../api/client';
import type { RecordData } from '../api/records';
import { labelHeader } from './csvHeader';

const base = (tenant: string, entity: string) => `/api/${encodeURIComponent(tenant)}/data/${encodeURIComponent(entity)}`;

/** Sets the same values on every record; a refusal throws a ProblemError whose errors point at /records/N[/field]. */
export async function bulkUpdate(tenant: string, entity: string, ids: string[], values: RecordData): Promise<{ updated: number }> {
  const { data } = await request<{ updated: number }>(tenant, `/data/${encodeURIComponent(entity)}/bulk`, {
    method: 'PATCH', body: { records: ids.map((id) => ({ ...values, id })) },
  });
  return data;
}

export interface ExportQuery { filter?: string; orderby?: string; select: string[] }

export function exportUrl(tenant: string, entity: string, q: ExportQuery): string {
  const params = new URLSearchParams();
  if (q.filter) params.set('$filter', q.filter);
  if (q.orderby) params.set('$orderby', q.orderby);
  params.set('$select', q.select.join(','));
  return `${base(tenant, entity)}/export?${params.toString().replace(/\+/g, '%20')}`;
}

/** The file name the host suggests (Content-Disposition), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/**
 * Fetches the CSV (the session cookie goes along) and hands it to the browser as a download; with `labels`, the header
 * row shows them instead of the field names.
 */
export async function downloadExport(tenant: string, entity: string, q: ExportQuery, fallbackName: string, labels?: ReadonlyMap<string, string>): Promise<string> {
  const response = await fetch(exportUrl(tenant, entity, q), { credentials: 'same-origin', headers: { Accept: 'text/csv' } });
  if (!response.ok) {
    let problem: Record<string, unknown> = { title: response.statusText };
    try { problem = await response.json(); } catch { /* not a problem document */ }
    throw new ProblemError(response.status, { status: response.status, ...problem });
  }
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const blob = labels
    // The BOM again (text() drops it), so spreadsheets read the file as UTF-8.
    ? new Blob(['\uFEFF', labelHeader(await response.text(), labels)], { type: 'text/csv;charset=utf-8' })
    : await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
