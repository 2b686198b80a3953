// Dashboards and their charts' data: the dashboard document, and each chart's aggregate through $apply.
import { get, query } from '../api/client';
import { buildApply, readRows } from './apply';
import type { ChartDoc, ChartRow, DashboardDoc } from './types';

export const dashboardsApi = {
  get: (tenant: string, id: string, signal?: AbortSignal) =>
    get<DashboardDoc>(tenant, `/metadata/dashboards/${encodeURIComponent(id)}`, signal),

  /** The chart's rows, computed on the server over the records the reader may read. */
  async rows(tenant: string, chart: ChartDoc, signal?: AbortSignal): Promise<ChartRow[]> {
    const answer = await get<{ value?: Record<string, unknown>[] }>(tenant, `/data/${encodeURIComponent(chart.entity)}${query({ $apply: buildApply(chart) })}`, signal);
    return readRows(chart, answer);
  },
};
