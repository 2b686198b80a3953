// The list's view state: the saved view plus what the user changed on screen. Changes live in the URL (so they
// survive a reload and can be bookmarked) and are never written anywhere until the user saves them.
import type { FieldDef, LocaleText, ViewDoc } from '../api/metadata';
import { combineFilters, filterToOData, searchToOData, type ColumnFilter } from '../odata';
import type { SavedViewBody } from './savedViews';

/** The URL parameters that hold unsaved view changes. */
export const VIEW_CHANGE_PARAMS = ['q', 'sort', 'cols', 'f'] as const;

export interface ViewChanges { search: string; sort: string; columns: string[]; filters: Record<string, ColumnFilter> }

/** True when the URL holds a change that makes the screen differ from the saved view. */
export function isModified(params: URLSearchParams, view: Pick<ViewDoc, 'orderBy' | 'columns'>): boolean {
  if (params.get('q')) return true;
  if (params.has('f') && params.get('f') !== '{}') return true;
  if (params.has('sort') && params.get('sort') !== (view.orderBy ?? '')) return true;
  if (params.has('cols') && params.get('cols') !== view.columns.join(',')) return true;
  return false;
}

/** "amount desc,name" → [{field: amount, direction: desc}, {field: name}]; the "id" tie-breaker is left out. */
export function parseSort(sort: string): SavedViewBody['sort'] {
  return sort.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [field, dir] = s.split(/\s+/);
    return dir === 'desc' ? { field, direction: 'desc' as const } : { field };
  }).filter((s) => s.field && s.field !== 'id');
}

/**
 * The body that saves what is on screen as a view: the view's own filter, the search and the column filters
 * combined into one OData filter; the sort and columns as shown; the board kept.
 */
export function toSavedView(label: LocaleText, view: ViewDoc, changes: ViewChanges, fields: Map<string, FieldDef>, searchFields: FieldDef[]): SavedViewBody {
  const filter = combineFilters([
    view.filter,
    searchToOData(searchFields, changes.search),
    ...Object.entries(changes.filters).map(([name, f]) => (fields.get(name) ? filterToOData(fields.get(name)!, f) : null)),
  ]);
  return {
    label,
    columns: changes.columns.map((field) => (view.widths?.[field] ? { field, width: view.widths[field] } : { field })),
    filter: filter || undefined,
    sort: parseSort(changes.sort),
    kanban: view.kanban,
  };
}

/** The URL of a view with every unsaved change dropped (reset, or after saving). */
export function viewHref(tenant: string, entity: string, viewId: string | undefined, board: boolean): string {
  const params = new URLSearchParams();
  if (viewId) params.set('view', viewId);
  if (board) params.set('board', '1');
  const qs = params.toString();
  return `/${tenant}/${entity}${qs ? `?${qs}` : ''}`;
}
