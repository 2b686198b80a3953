// An accessible, virtualized record grid (WAI-ARIA grid pattern): arrow keys move between cells and rows, Home/End,
// PageUp/PageDown, Enter opens the row's record, Space selects it. One keydown, click and change handler for the
// whole table; rows are memoized and columns carry their pre-resolved render functions, so a cell is one element.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordData } from '../api/records';
import './grid.css';

export interface GridColumn {
  key: string;
  title: string;
  width: number;
  render: (row: RecordData) => ReactNode;
  sort?: 'asc' | 'desc' | null;
  sortable?: boolean;
  /** Numbers and money line up on the right. */
  align?: 'end';
  /** Extra header content (the column's filter button). */
  headerExtra?: ReactNode;
}

export interface DataGridProps {
  label: string;
  columns: GridColumn[];
  rows: RecordData[];
  selected: ReadonlySet<string>;
  onSelectionChange: (ids: Set<string>) => void;
  onSort: (key: string) => void;
  onOpen: (row: RecordData) => void;
  /** A plain click on a link in a cell with data-route (the record's name, a lookup) navigates in the app. */
  onNavigate?: (route: string) => void;
  height: number;
  selectAllLabel: string;
  selectRowLabel: (row: RecordData) => string;
  sortLabel: (col: GridColumn) => string;
  busy?: boolean;
}

const ROW_HEIGHT = 44;
const SELECT_WIDTH = 44;

interface RowProps {
  row: RecordData;
  index: number;
  columns: GridColumn[];
  template: string;
  selected: boolean;
  activeCol: number; // -1 unless this row holds the active cell
  selectLabel: string;
}

const GridRow = memo(function GridRow({ row, index, columns, template, selected, activeCol, selectLabel }: RowProps) {
  const id = String(row.id);
  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={selected} className={selected ? 'dg-row dg-selected' : 'dg-row'}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT }}>
      <div role="gridcell" aria-colindex={1} className="dg-cell dg-select" data-r={index} data-c={0} tabIndex={activeCol === 0 ? 0 : -1}>
        <input type="checkbox" data-select={id} checked={selected} aria-label={selectLabel} tabIndex={-1} readOnly={false} onChange={noop} />
      </div>
      {columns.map((c, ci) => (
        <div key={c.key} role="gridcell" aria-colindex={ci + 2} className={c.align ? 'dg-cell dg-end' : 'dg-cell'} data-r={index} data-c={ci + 1} tabIndex={activeCol === ci + 1 ? 0 : -1}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
});
const noop = () => {};

export function DataGrid(p: DataGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ r: number; c: number }>({ r: -1, c: 1 });
  const focusPending = useRef(false);
  const colCount = p.columns.length + 1;
  const template = `${SELECT_WIDTH}px ${p.columns.map((c) => `${c.width}px`).join(' ')}`;
  const totalWidth = SELECT_WIDTH + p.columns.reduce((s, c) => s + c.width, 0);

  const virtualizer = useVirtualizer({
    count: p.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // While scrolling fast every row on screen is new each frame: overscan rows are drawn for nothing.
    overscan: 3,
    scrollPaddingStart: ROW_HEIGHT,
  });

  // Keep the active cell inside the data when the rows change (a new page, a filter).
  useEffect(() => {
    setActive((a) => ({ r: Math.min(a.r, p.rows.length - 1), c: Math.min(a.c, colCount - 1) }));
  }, [p.rows.length, colCount]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-r="${active.r}"][data-c="${active.c}"]`);
    el?.focus({ preventScroll: active.r < 0 });
  });

  const move = useCallback((r: number, c: number) => {
    const row = Math.max(-1, Math.min(p.rows.length - 1, r));
    const col = Math.max(0, Math.min(colCount - 1, c));
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' });
    focusPending.current = true;
    setActive({ r: row, c: col });
  }, [p.rows.length, colCount, virtualizer]);

  const toggle = useCallback((id: string) => {
    const next = new Set(p.selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    p.onSelectionChange(next);
  }, [p]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // Keys typed into a control inside a cell (a filter box) belong to it.
    if (target.closest('input:not([type=checkbox]), textarea, [role=combobox], .ant-popover, .ant-dropdown')) return;
    const { r, c } = active;
    switch (e.key) {
      case 'ArrowDown': move(r + 1, c); break;
      case 'ArrowUp': move(r - 1, c); break;
      case 'ArrowRight': move(r, c + 1); break;
      case 'ArrowLeft': move(r, c - 1); break;
      case 'Home': move(e.ctrlKey ? 0 : r, 0); break;
      case 'End': move(e.ctrlKey ? p.rows.length - 1 : r, colCount - 1); break;
      case 'PageDown': move(r + 10, c); break;
      case 'PageUp': move(r - 10, c); break;
      case 'Enter':
        if (e.nativeEvent.isComposing || target.tagName === 'A' || target.tagName === 'BUTTON') return;
        if (r >= 0 && p.rows[r]) p.onOpen(p.rows[r]);
        else if (r === -1 && c > 0 && p.columns[c - 1]?.sortable) p.onSort(p.columns[c - 1].key);
        break;
      case ' ':
        if (target.tagName === 'BUTTON') return;
        if (r >= 0 && p.rows[r]) toggle(String(p.rows[r].id));
        else if (r === -1 && c === 0) toggleAll();
        break;
      default: return;
    }
    e.preventDefault();
  };

  // Over every loaded row: worked out when the rows or the selection change, not on each scrolled frame.
  const { allSelected, someSelected } = useMemo(() => {
    const all = p.rows.length > 0 && p.rows.every((r) => p.selected.has(String(r.id)));
    return { allSelected: all, someSelected: !all && p.rows.some((r) => p.selected.has(String(r.id))) };
  }, [p.rows, p.selected]);
  const toggleAll = () => {
    const next = new Set(p.selected);
    for (const r of p.rows) { if (allSelected) next.delete(String(r.id)); else next.add(String(r.id)); }
    p.onSelectionChange(next);
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-route]');
    if (link && p.onNavigate && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      p.onNavigate(link.dataset.route!);
      return;
    }
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (cell) setActive({ r: Number(cell.dataset.r), c: Number(cell.dataset.c) });
    const sortKey = (e.target as HTMLElement).closest<HTMLElement>('[data-sort]')?.dataset.sort;
    if (sortKey) p.onSort(sortKey);
  };

  const onChange = (e: React.ChangeEvent<HTMLDivElement>) => {
    const input = e.target as unknown as HTMLInputElement;
    if (input.dataset.selectAll !== undefined) toggleAll();
    else if (input.dataset.select) toggle(input.dataset.select);
  };

  // Rows are keyed by their place in the rendered range, not by record: scrolling hands each row element the record
  // now at its place, so a frame rewrites text and attributes instead of removing and inserting rows (new rows cost
  // a style recalculation and layout tree of their own, which was most of a scrolled frame). The elements stay in
  // visual order (no DOM moves), so assistive technology reads the rows in order.
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const bodyRef = useRef<HTMLDivElement>(null);
  // The focused cell's record scrolled on: its element now shows another record, so it must not keep the focus.
  useLayoutEffect(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (focused && bodyRef.current?.contains(focused) && Number(focused.closest<HTMLElement>('[data-r]')?.dataset.r) !== active.r) focused.blur();
  }, [first, last, active.r]);

  const headerActive = active.r === -1;
  const header = useMemo(() => (
      <div role="rowgroup" className="dg-head" style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="dg-row dg-header" style={{ gridTemplateColumns: template }}>
          <div role="columnheader" aria-colindex={1} className="dg-cell dg-select" data-r={-1} data-c={0} tabIndex={headerActive && active.c === 0 ? 0 : -1}>
            <input type="checkbox" data-select-all="" aria-label={p.selectAllLabel} checked={allSelected} tabIndex={-1}
              ref={(el) => { if (el) el.indeterminate = someSelected; }} onChange={noop} />
          </div>
          {p.columns.map((c, ci) => (
            <div key={c.key} role="columnheader" aria-colindex={ci + 2} className="dg-cell dg-hcell" data-r={-1} data-c={ci + 1}
              aria-sort={c.sort === 'asc' ? 'ascending' : c.sort === 'desc' ? 'descending' : 'none'}
              tabIndex={headerActive && active.c === ci + 1 ? 0 : -1}>
              {c.sortable
                ? <button type="button" className="dg-sort" data-sort={c.key} tabIndex={-1} title={p.sortLabel(c)}>
                    <span className="dg-title">{c.title}</span>
                    <span aria-hidden className="dg-arrow">{c.sort === 'asc' ? '▲' : c.sort === 'desc' ? '▼' : '↕'}</span>
                  </button>
                : <span className="dg-title">{c.title}</span>}
              {c.headerExtra}
            </div>
          ))}
        </div>
      </div>
  // The header does not change while scrolling: sortLabel is a new function each render but says the same.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  ), [p.columns, template, totalWidth, headerActive, active.c, allSelected, someSelected, p.selectAllLabel]);
  return (
    <div ref={scrollRef} className="dg" role="grid" aria-label={p.label} aria-rowcount={p.rows.length + 1} aria-colcount={colCount}
      aria-multiselectable="true" aria-busy={p.busy || undefined} style={{ height: p.height }}
      onKeyDown={onKeyDown} onClick={onClick} onChange={onChange}>
      {header}
      {/* The rendered rows sit in flow after a padding as tall as the rows above them: one style change per frame,
          not a transform per row. */}
      <div ref={bodyRef} role="rowgroup" className="dg-body" style={{ height: virtualizer.getTotalSize(), width: totalWidth, paddingTop: items[0]?.start ?? 0 }}>
        {items.map((v) => {
          const row = p.rows[v.index];
          return (
            <GridRow key={v.index - first} row={row} index={v.index} columns={p.columns} template={template}
              selected={p.selected.has(String(row.id))} activeCol={active.r === v.index ? active.c : -1} selectLabel={p.selectRowLabel(row)} />
          );
        })}
      </div>
    </div>
  );
}
