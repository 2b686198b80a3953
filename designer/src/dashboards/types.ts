// The dashboard document as GET /metadata/dashboards/{id} serves it (schemas/dashboard.schema.json).
import type { LocaleText } from '../api/metadata';

export type ChartType = 'bar' | 'line' | 'pie' | 'number' | 'funnel';
export type Aggregate = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'countdistinct';
export type DatePart = 'year' | 'month' | 'day';
export type GroupBy = string | { field: string; part: DatePart };

export interface ChartDoc {
  id: string;
  title: LocaleText;
  type: ChartType;
  entity: string;
  filter?: string;
  groupBy?: GroupBy;
  measure?: { aggregate: Aggregate; field?: string };
  drill?: boolean;
  span?: number;
  /** The reader does not read in full a field the chart needs: the server left its query out. */
  refused?: boolean;
}

export interface DashboardDoc { id: string; label: LocaleText; charts: ChartDoc[] }

/** A group's key: the grouped field's value, or the date parts of its bucket. */
export type GroupKey = { value: unknown } | { year: number; month?: number; day?: number };

/** One bar, slice or point: the group and its measured value. */
export interface ChartRow { key: GroupKey; value: number }
