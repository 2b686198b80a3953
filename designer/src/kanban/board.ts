// The board's logic, apart from drawing: records grouped into a column per option of the grouping choice field,
// an optimistic move and its undo, and the reason a refused move is shown with.
import type { FieldDef } from '../api/metadata';
import type { RecordData } from '../api/records';
import { ProblemError } from '../api/client';

/** A column: its option, the cards loaded (at most the board's cap) and how many records it holds in all. */
export interface BoardColumn { value: string; cards: RecordData[]; total?: number }

/** Columns in the option order of the field; records with an empty or unknown value are left out of the board. */
export function groupCards(field: FieldDef, rows: RecordData[]): BoardColumn[] {
  const columns = (field.options ?? []).map((o) => ({ value: o.value, cards: [] as RecordData[] }));
  const byValue = new Map(columns.map((c) => [c.value, c]));
  for (const row of rows) byValue.get(String(row[field.name] ?? ''))?.cards.push(row);
  return columns;
}

/** The list's filter narrowed to one column's value. */
export function columnFilter(filter: string | undefined, field: string, value: string): string {
  const own = `${field} eq '${value.replace(/'/g, "''")}'`;
  return filter ? `(${filter}) and ${own}` : own;
}

/**
 * The list behind a column ("N more"): the current list address without the board, its column filters joined by
 * the grouping field set to the column's value.
 */
export function columnListHref(pathname: string, search: string, field: string, value: string): string {
  const params = new URLSearchParams(search);
  params.delete('board');
  params.delete('page');
  let filters: Record<string, unknown> = {};
  try { filters = JSON.parse(params.get('f') ?? '{}'); } catch { /* a broken f is replaced */ }
  filters[field] = { kind: 'choice', values: [value] };
  params.set('f', JSON.stringify(filters));
  return `${pathname}?${params.toString()}`;
}

/** A card moved to a column: its field set to the column's value, placed first there (the user sees it land). */
export function moveCard(columns: BoardColumn[], field: string, id: string, to: string): BoardColumn[] {
  const card = columns.flatMap((c) => c.cards).find((r) => String(r.id) === id);
  if (!card || String(card[field]) === to) return columns;
  const moved = { ...card, [field]: to };
  const from = String(card[field]);
  const shift = (c: BoardColumn, by: number) => (c.total === undefined ? c.total : c.total + by);
  return columns.map((c) => ({
    ...c,
    cards: c.value === to ? [moved, ...c.cards.filter((r) => String(r.id) !== id)] : c.cards.filter((r) => String(r.id) !== id),
    total: c.value === to ? shift(c, 1) : c.value === from ? shift(c, -1) : c.total,
  }));
}

/** The If-Match a PATCH of the card sends: the row version the board read. */
export function etagOf(row: RecordData): string | null {
  return row.row_version === undefined || row.row_version === null ? null : `"${row.row_version}"`;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Why the host refused a move, in words a user can act on: each invalid field by its label and the server's
 * message; a script's, permission's or concurrency refusal by its own text.
 */
export function refusalReason(error: unknown, fieldLabel: (name: string) => string, t: Translate): string {
  if (!(error instanceof ProblemError)) return (error as Error)?.message ?? String(error);
  const { status, problem } = error;
  if (status === 412) return t('kanban.changedMeanwhile');
  if (status === 403) return t('kanban.forbidden', { detail: problem.detail ?? '' });
  if (problem.errors?.length) {
    return problem.errors.map((e) => {
      const name = (e.pointer ?? '').split('/').filter(Boolean)[0];
      return name ? `${fieldLabel(name)}: ${e.detail}` : e.detail;
    }).join('; ');
  }
  return problem.detail || problem.title || `HTTP ${status}`;
}
