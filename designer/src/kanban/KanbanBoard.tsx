// The board of a view with a grouping: a column per option of the choice field, cards dragged between columns
// (pointer or keyboard, @dnd-kit/core). A drop PATCHes the record with If-Match, so hooks, validation and workflows
// run as for any save; a refused move puts the card back and says why.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Empty, Spin } from 'antd';
import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type DragEndEvent, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { recordsApi, type RecordData } from '../api/records';
import type { EntityDef, FieldDef, ViewDoc } from '../api/metadata';
import { fieldLabel, formatNumber, localeText } from '../format';
import { specOf } from '../fields/registry';
import { columnFilter, columnListHref, etagOf, moveCard, refusalReason, type BoardColumn } from './board';
import '../views/messages';
import './messages';
import './kanban.css';

/** Cards a column shows; the rest are counted and one link away in the list (a taller column is not browsed). */
export const COLUMN_CAP = 100;

export interface KanbanBoardProps {
  tenant: string; entity: EntityDef; view: ViewDoc; filter: string | undefined; orderby: string; lang: string;
  fields: Map<string, FieldDef>; targets: Map<string, EntityDef>;
}

/** Arrow keys jump a picked-up card to the next column left or right (and up/down within the page). */
const columnJump: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects } }) => {
  if (!collisionRect) return undefined;
  const rects = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  const at = rects.findIndex((r) => centre >= r.left && centre <= r.left + r.width);
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (step === 0) {
    const dy = event.code === 'ArrowDown' ? 40 : event.code === 'ArrowUp' ? -40 : 0;
    return dy ? { x: collisionRect.left, y: collisionRect.top + dy } : undefined;
  }
  const target = rects[Math.min(rects.length - 1, Math.max(0, (at < 0 ? 0 : at) + step))];
  return target ? { x: target.left + (target.width - collisionRect.width) / 2, y: Math.max(target.top + 48, collisionRect.top) } : undefined;
};

export function KanbanBoard({ tenant, entity, view, filter, orderby, lang, fields, targets }: KanbanBoardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groupField = fields.get(view.kanban!.groupBy)!;
  const primary = entity.primaryField ?? 'id';
  const cardFields = useMemo(() => (view.kanban?.cardFields?.length ? view.kanban.cardFields : view.columns)
    .filter((n) => n !== primary && n !== groupField.name).map((n) => fields.get(n)).filter((f): f is FieldDef => !!f).slice(0, 4), [view, fields, primary, groupField]);
  const select = Array.from(new Set(['id', 'row_version', primary, groupField.name, ...cardFields.map((f) => f.name)])).join(',');
  const expand = cardFields.filter((f) => f.type === 'lookup' && f.target).map((f) => `${f.name}($select=${targets.get(f.target!)?.primaryField ?? 'id'})`).join(',');

  // One query per column, each capped and counted: a crowded column cannot starve the others of cards.
  const options = useMemo(() => (groupField.options ?? []).map((o) => o.value), [groupField]);
  const queries = useQueries({
    queries: options.map((value) => {
      const columnQuery = columnFilter(filter, groupField.name, value);
      return {
        queryKey: ['records', tenant, entity.name, { board: true, column: value, filter: columnQuery, orderby, select, expand }],
        queryFn: ({ signal }: { signal: AbortSignal }) => recordsApi.list(tenant, entity.name, { filter: columnQuery, orderby, select, expand: expand || undefined, top: COLUMN_CAP }, signal),
      };
    }),
  });
  const pending = queries.some((q) => q.isPending);
  const error = queries.find((q) => q.error)?.error;
  const loadedAt = queries.map((q) => q.dataUpdatedAt).join(',');
  const location = useLocation();
  const [columns, setColumns] = useState<BoardColumn[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (!pending) setColumns(options.map((value, i) => ({ value, cards: queries[i].data?.value ?? [], total: queries[i].data?.count })));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, loadedAt, options]);
  const refetchAll = () => queries.forEach((q) => void q.refetch());

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJump, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const optionLabel = (value: string) => localeText(groupField.options?.find((o) => o.value === value)?.label, lang, value);
  const titleOf = (row: RecordData) => String(row[primary] ?? row.id ?? '') || '—';
  const cardById = (id: unknown) => columns.flatMap((c) => c.cards).find((r) => String(r.id) === String(id));
  const nameOf = (id: unknown) => { const row = cardById(id); return row ? titleOf(row) : String(id); };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('kanban.pickedUp', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('kanban.over', { name: nameOf(active.id), stage: optionLabel(String(over.id)) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('kanban.dropped', { name: nameOf(active.id), stage: optionLabel(String(over.id)) }) : t('kanban.cancelled', { name: nameOf(active.id) })),
    onDragCancel: ({ active }) => t('kanban.cancelled', { name: nameOf(active.id) }),
  };

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const card = cardById(active.id);
    if (!over || !card || String(card[groupField.name]) === String(over.id)) return;
    const before = columns;
    const to = String(over.id);
    setRefusal(null);
    setColumns(moveCard(columns, groupField.name, String(card.id), to));
    try {
      const { record } = await recordsApi.update(tenant, entity.name, String(card.id), { [groupField.name]: to }, etagOf(card));
      setColumns((now) => now.map((c) => ({ ...c, cards: c.cards.map((r) => (String(r.id) === String(card.id) ? { ...r, ...record, [primary]: r[primary] } : r)) })));
      message.success(t('kanban.moved', { name: titleOf(card), stage: optionLabel(to) }));
      void queryClient.invalidateQueries({ queryKey: ['record', tenant, entity.name, String(card.id)] });
    } catch (e) {
      setColumns(before);
      const label = (name: string) => (fields.get(name) ? fieldLabel(fields.get(name)!, lang) : name);
      setRefusal(t('kanban.refused', { reason: refusalReason(e, label, t) }));
      if ((e as { status?: number }).status === 412) refetchAll();
    }
  };

  const ctx = useMemo(() => ({ lang, compact: true, lookupHref: (target: string, id: string) => `${import.meta.env.BASE_URL}${tenant}/${target}/${id}` }), [lang, tenant]);
  if (pending) return <Spin style={{ padding: 48 }} />;
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  return (
    <div className="kanban-wrap">
      {refusal && <Alert type="error" showIcon role="alert" data-testid="kanban-refusal" title={refusal} closable={{ 'aria-label': t('views.cancel') }} onClose={() => setRefusal(null)} />}
      <DndContext sensors={sensors} onDragEnd={(e) => void onDragEnd(e)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('kanban.dragHint') } }}>
        <div className="kanban" role="region" aria-label={t('kanban.board', { field: fieldLabel(groupField, lang) })}>
          {columns.map((column) => (
            <KanbanColumn key={column.value} column={column} label={optionLabel(column.value)} lang={lang}
              moreHref={columnListHref(location.pathname, location.search, groupField.name, column.value)}>
              {column.cards.map((row) => (
                <KanbanCard key={String(row.id)} row={row} title={titleOf(row)} href={`/${tenant}/${entity.name}/${row.id}`}
                  onOpen={() => navigate(`/${tenant}/${entity.name}/${row.id}`)}>
                  <dl>
                    {cardFields.map((f) => (
                      <div key={f.name} className="kanban-field">
                        <dt>{fieldLabel(f, lang)}</dt>
                        <dd>{specOf(f).display(row[f.name], f, ctx)}</dd>
                      </div>
                    ))}
                  </dl>
                </KanbanCard>
              ))}
            </KanbanColumn>
          ))}
        </div>
      </DndContext>
    </div>
  );
}

function KanbanColumn({ column, label, lang, moreHref, children }: { column: BoardColumn; label: string; lang: string; moreHref: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.value });
  const headingId = `kanban-col-${column.value}`;
  const total = Math.max(column.total ?? 0, column.cards.length);
  const more = total - column.cards.length;
  return (
    <section ref={setNodeRef} className={isOver ? 'kanban-column over' : 'kanban-column'} aria-labelledby={headingId} data-column={column.value}>
      <header id={headingId}>
        <span className="kanban-column-title">{label}</span>
        <Badge count={formatNumber(total, lang)} showZero overflowCount={Number.MAX_SAFE_INTEGER} color="#8c8c8c" title={t('kanban.count', { count: total })} />
      </header>
      <div className="kanban-cards">
        {column.cards.length ? children : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kanban.empty')} />}
      </div>
      {more > 0 && <Link className="kanban-more" to={moreHref} data-testid="kanban-more">{t('kanbanMore.more', { count: formatNumber(more, lang) as unknown as number })}</Link>}
    </section>
  );
}

function KanbanCard({ row, title, href, onOpen, children }: { row: RecordData; title: string; href: string; onOpen: () => void; children: React.ReactNode }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: String(row.id) });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <article ref={setNodeRef} style={style} className={isDragging ? 'kanban-card dragging' : 'kanban-card'} data-card={String(row.id)}
      {...attributes} {...listeners} aria-label={title}
      onKeyDown={(e) => { if (e.key === 'Enter' && !isDragging) { e.preventDefault(); onOpen(); return; } listeners?.onKeyDown?.(e); }}>
      <Link className="kanban-card-title" to={href} tabIndex={-1}>{title}</Link>
      {children}
    </article>
  );
}
