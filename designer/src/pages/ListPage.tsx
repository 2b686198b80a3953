// A list of an entity's records: server-side paging, sorting, per-column filters ($filter) and search, column choice,
// multi-select and bulk delete. Unsaved view changes live in the URL (bookmarkable, survive a reload) until saved.
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SelectProps, Alert, App, Button, Checkbox, Select, Empty, Input, Pagination, Popconfirm, Popover, Result, Segmented, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { AppstoreOutlined, DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { recordsApi, type RecordData } from '../api/records';
import { SYSTEM_FIELDS, type EntityDef, type FieldDef, type ViewDoc } from '../api/metadata';
import { DataGrid, type GridColumn } from '../components/DataGrid';
import { ColumnFilterButton } from '../components/ColumnFilter';
import { cellRenderer, routeOf } from '../components/cells';
import { entityPluralLabel, fieldLabel, formatNumber, localeText } from '../format';
import { specOf } from '../fields/registry';
import { combineFilters, filterToOData, searchToOData, type ColumnFilter } from '../odata';
import { useEntities, useEntityDef, useIsPhone, useLang, useTenant, useTitle } from '../hooks';
import { isComposing } from '../ime';
import { useMaySaveShared, useSavedViews } from '../views/useSavedViews';
import { isModified, toSavedView, viewHref } from '../views/viewState';
import { DeletePersonalView, SaveViewActions } from '../views/SaveViewActions';
import { RestoreSharedView } from '../views/RestoreSharedView';
import { KanbanBoard } from '../kanban/KanbanBoard';
import '../views/messages';
import { UrlFilterTag, useUrlFilter } from '../listUrlFilter';
import { Loading } from '../App';
import { BulkEditDialog } from '../list-actions/BulkEditDialog';
import { ExportButton } from '../list-actions/ExportButton';

const PAGE_SIZES = [25, 50, 100, 200];

/** The view state as kept in the URL: only what differs from the saved view. */
function useViewState(view: ViewDoc | undefined) {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, ColumnFilter> = useMemo(() => {
    try { return JSON.parse(params.get('f') ?? '{}'); } catch { return {}; }
  }, [params]);
  const state = {
    search: params.get('q') ?? '',
    sort: params.get('sort') ?? view?.orderBy ?? '',
    columns: params.get('cols')?.split(',').filter(Boolean) ?? view?.columns ?? [],
    filters,
    page: Math.max(1, Number(params.get('page')) || 1),
    size: PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 50,
    dirty: view ? isModified(params, view) : false,
    board: params.get('board') === '1',
  };
  const update = (patch: Record<string, string | null>, resetPage = true) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) { if (v === null || v === '') next.delete(k); else next.set(k, v); }
      if (resetPage && !('page' in patch)) next.delete('page');
      return next;
    }, { replace: true });
  };
  return { state, update };
}

export default function ListPage() {
  const tenant = useTenant();
  const entityName = useParams().entity ?? '';
  const entity = useEntityDef(tenant, entityName);
  const views = useSavedViews(tenant, entity.data);
  if (entity.error) return <Result status="404" title={(entity.error as Error).message} />;
  if (!entity.data || !views.data) return <Loading />;
  return <ViewPicker key={entityName} tenant={tenant} entity={entity.data} views={views.data} />;
}

/** The view in the URL (?view=id), else the entity's default; switching views drops the unsaved view changes. */
function ViewPicker({ tenant, entity, views }: { tenant: string; entity: EntityDef; views: ViewDoc[] }) {
  const [params] = useSearchParams();
  const view = views.find((v) => v.id && v.id === params.get('view')) ?? views[0];
  return <RecordList key={view.id ?? 'default'} tenant={tenant} entity={entity} view={view} views={views} />;
}

function RecordList({ tenant, entity, view, views }: { tenant: string; entity: EntityDef; view: ViewDoc; views: ViewDoc[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const all = useEntities(tenant);
  const { state, update } = useViewState(view);
  const urlFilter = useUrlFilter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const [searchText, setSearchText] = useState(state.search);
  const maySaveShared = useMaySaveShared(tenant, entity);

  // Views may list the system owner column (a user id, shown as the user's name).
  const visibleFields = useMemo(() => [...entity.fields, ...SYSTEM_FIELDS.filter((s) => s.name === 'owner' && !entity.fields.some((f) => f.name === s.name))]
    .filter((f) => entity.access?.fields?.[f.name] !== 'hidden'), [entity]);
  const fieldsByName = useMemo(() => new Map(visibleFields.map((f) => [f.name, f])), [visibleFields]);
  const columnFields = useMemo(() => state.columns.map((c) => fieldsByName.get(c)).filter((f): f is FieldDef => !!f), [state.columns, fieldsByName]);
  const primary = entity.primaryField ?? columnFields[0]?.name;
  const targets = useMemo(() => new Map((all.data?.value ?? []).map((e) => [e.name, e])), [all.data]);

  // $select / $expand: the columns, the primary field, lookups expanded to their target's primary field.
  const selectList = useMemo(() => Array.from(new Set(['id', primary, ...columnFields.map((f) => f.name)].filter(Boolean))) as string[], [primary, columnFields]);
  const expand = useMemo(() => columnFields.filter((f) => f.type === 'lookup' && f.target)
    .map((f) => `${f.name}($select=${targets.get(f.target!)?.primaryField ?? 'id'})`).join(','), [columnFields, targets]);
  const searchFields = useMemo(() => visibleFields.filter((f) => specOf(f).searchable && entity.access?.fields?.[f.name] !== 'masked' && !('encrypted' in f && (f as { encrypted?: boolean }).encrypted)).slice(0, 6), [visibleFields, entity]);
  const filter = useMemo(() => combineFilters([
    view.filter,
    urlFilter.filter,
    searchToOData(searchFields, state.search),
    ...Object.entries(state.filters).map(([name, f]) => (fieldsByName.get(name) ? filterToOData(fieldsByName.get(name)!, f) : null)),
  ]), [view.filter, urlFilter.filter, searchFields, state.search, state.filters, fieldsByName]);
  const orderby = state.sort ? `${state.sort},id` : 'id';

  const list = useQuery({
    queryKey: ['records', tenant, entity.name, { filter, orderby, select: selectList, expand, page: state.page, size: state.size }],
    queryFn: ({ signal }) => recordsApi.list(tenant, entity.name, {
      filter, orderby, select: selectList.join(','), expand: expand || undefined, top: state.size, skip: (state.page - 1) * state.size,
    }, signal),
    placeholderData: keepPreviousData,
  });

  const [sortField, sortDir] = state.sort.split(' ');
  const setSort = (key: string) => {
    const next = sortField !== key ? `${key}` : sortDir === 'desc' ? '' : `${key} desc`;
    update({ sort: next || (view.orderBy ? 'id' : null) });
  };
  const setFilter = (name: string, f: ColumnFilter | undefined) => {
    const next = { ...state.filters };
    if (f) next[name] = f; else delete next[name];
    update({ f: Object.keys(next).length ? JSON.stringify(next) : null });
  };

  const ctx = useMemo(() => ({ lang, compact: true, lookupHref: (target: string, id: string) => `${import.meta.env.BASE_URL}${tenant}/${target}/${id}` }), [lang, tenant]);
  const recordHref = (id: unknown) => `/${tenant}/${entity.name}/${id}`;

  // Columns: field definitions resolved once here, so a cell only calls its column's render.
  const columns: GridColumn[] = useMemo(() => columnFields.map((f) => {
    const label = fieldLabel(f, lang);
    const isPrimary = f.name === primary;
    const numeric = ['integer', 'decimal', 'currency'].includes(f.type);
    return {
      key: f.name,
      title: label,
      width: view.widths?.[f.name] ?? (isPrimary ? 240 : f.type === 'longtext' ? 260 : numeric ? 140 : f.type === 'boolean' ? 100 : 170),
      align: numeric ? ('end' as const) : undefined,
      sortable: f.type !== 'multichoice' && entity.access?.fields?.[f.name] !== 'masked',
      sort: sortField === f.name ? (sortDir === 'desc' ? 'desc' : 'asc') : null,
      render: isPrimary
        ? (row: RecordData) => { const href = `${import.meta.env.BASE_URL}${tenant}/${entity.name}/${row.id}`; return <a href={href} data-route={routeOf(href)} tabIndex={-1}>{String(row[f.name] ?? '') || '—'}</a>; }
        : cellRenderer(f, ctx),
      headerExtra: <ColumnFilterButton field={f} label={label} lang={lang} tenant={tenant} value={state.filters[f.name]} onChange={(v) => setFilter(f.name, v)} />,
    };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [columnFields, lang, primary, sortField, sortDir, state.filters, ctx, tenant, entity]);

  const deleteSelected = async () => {
    const ids = [...selected];
    const results = await Promise.allSettled(ids.map((id) => recordsApi.remove(tenant, entity.name, id)));
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    const ok = ids.length - failed.length;
    if (ok) message.success(t('list.deleted', { count: ok }));
    if (failed.length) message.error(`${t('list.deleteFailed', { count: failed.length })}: ${(failed[0].reason as Error).message}`);
    setSelected(new Set(ids.filter((_, i) => results[i].status === 'rejected')));
    await queryClient.invalidateQueries({ queryKey: ['records', tenant, entity.name] });
  };

  const plural = entityPluralLabel(entity, lang);
  useTitle(plural);
  const count = list.data?.count;
  const filtered = !!(state.search || urlFilter.filter || Object.keys(state.filters).length);
  const rows = list.data?.value ?? [];
  const boardField = view.kanban && fieldsByName.get(view.kanban.groupBy)?.type === 'choice' ? view.kanban.groupBy : undefined;
  const board = state.board && !!boardField;
  const mayUpdate = entity.access?.privileges?.update !== 'none';
  const rowsById = useMemo(() => new Map(rows.map((r) => [String(r.id), r])), [rows]);
  const exportQuery = useMemo(() => ({ filter, orderby, select: columnFields.map((f) => f.name) }), [filter, orderby, columnFields]);
  const exportLabels = useMemo(() => new Map([['id', 'ID'], ...columnFields.map((f) => [f.name, fieldLabel(f, lang)] as [string, string])]), [columnFields, lang]);

  const columnChooser = (
    <Checkbox.Group value={state.columns} style={{ display: 'flex', flexDirection: 'column', gap: 4, maxHeight: 360, overflow: 'auto' }}
      onChange={(v) => update({ cols: (visibleFields.map((f) => f.name).filter((n) => (v as string[]).includes(n))).join(',') }, false)}
      options={visibleFields.map((f) => ({ value: f.name, label: fieldLabel(f, lang), disabled: f.name === primary }))} />
  );

  return (
    <section aria-labelledby="list-title" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Typography.Title id="list-title" level={3} style={{ margin: 0, marginInlineEnd: views.length > 1 ? 0 : 'auto' }}>{plural}</Typography.Title>
        {views.length > 1 && (
          <Select aria-label={t('list.view')} data-testid="view-switcher" value={view.id} style={{ minWidth: 160, marginInlineEnd: state.dirty ? 0 : 'auto' }}
            options={viewOptions(views, lang, t)}
            onChange={(v) => navigate(viewHref(tenant, entity.name, String(v), state.board))} />
        )}
        {view.scope === 'personal' && <DeletePersonalView tenant={tenant} entity={entity.name} view={view} board={state.board} />}
        <RestoreSharedView tenant={tenant} entity={entity.name} view={view} maySaveShared={maySaveShared} />
        {state.dirty && <Tag color="orange" data-testid="view-modified" title={t('views.modifiedHint')} style={{ marginInlineEnd: 'auto' }}>{t('views.modified')}</Tag>}
        {boardField && (
          <Segmented aria-label={t('views.display')} value={board ? 'board' : 'list'} onChange={(v) => update({ board: v === 'board' ? '1' : null }, false)}
            options={[{ value: 'list', label: t('views.list'), icon: <UnorderedListOutlined /> }, { value: 'board', label: t('views.board'), icon: <AppstoreOutlined /> }]} />
        )}
        <Input.Search allowClear aria-label={t('list.searchPlaceholder', { entity: plural })} placeholder={t('list.searchPlaceholder', { entity: plural })}
          style={{ width: phone ? '100%' : 260, order: phone ? 10 : 0 }} value={searchText}
          onChange={(e) => { setSearchText(e.target.value); if (!e.target.value) update({ q: null }); }}
          onKeyDown={(e) => { if (e.key === 'Enter' && isComposing(e)) { e.preventDefault(); e.stopPropagation(); } }}
          onSearch={(v, e) => { if (e && 'nativeEvent' in e && (e as React.KeyboardEvent).nativeEvent?.isComposing) return; update({ q: v.trim() || null }); }} />
        <Space wrap>
          {!phone && <Popover trigger="click" placement="bottomRight" title={t('list.columns')} content={columnChooser}>
            <Button icon={<SettingOutlined />}>{t('list.columns')}</Button>
          </Popover>}
          <Tooltip title={t('list.refresh')}><Button aria-label={t('list.refresh')} icon={<ReloadOutlined />} onClick={() => void list.refetch()} /></Tooltip>
          {selected.size > 0 && mayUpdate && (
            <Button icon={<EditOutlined />} data-testid="bulk-edit" onClick={() => setBulkOpen(true)}>{t('bulk.editCount', { count: selected.size })}</Button>
          )}
          {!board && <ExportButton tenant={tenant} entity={entity.name} query={exportQuery} fileStem={entity.name} labels={exportLabels} />}
          {selected.size > 0 && (
            <Popconfirm title={t('list.deleteConfirm', { count: selected.size })} okText={t('form.deleteOk')} cancelText={t('form.cancel')} okButtonProps={{ danger: true }} onConfirm={deleteSelected}>
              <Button danger icon={<DeleteOutlined />}>{t('list.deleteSelected', { count: selected.size })}</Button>
            </Popconfirm>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/${tenant}/${entity.name}/new`)}>{t('list.new')}</Button>
        </Space>
      </div>
      <BulkEditDialog open={bulkOpen} tenant={tenant} entity={entity} lang={lang} ids={[...selected]} rows={rowsById}
        onClose={() => setBulkOpen(false)}
        onDone={() => { setBulkOpen(false); void queryClient.invalidateQueries({ queryKey: ['records', tenant, entity.name] }); }} />
      {state.dirty && (
        <Alert type="info" showIcon className="list-unsaved" title={t('list.unsaved')} role="status"
          action={<SaveViewActions tenant={tenant} entity={entity.name} view={view} board={board} maySaveShared={maySaveShared}
            body={(label) => toSavedView(label, view, state, fieldsByName, searchFields)}
            onReset={() => { setSearchText(''); update({ q: null, sort: null, cols: null, f: null }); }} />} />
      )}
      <UrlFilterTag filter={urlFilter.filter} onClear={urlFilter.clear} />
      {Object.keys(state.filters).length > 0 && (
        <div aria-label={t('list.filter')}>
          {Object.entries(state.filters).map(([name, f]) => fieldsByName.get(name) && (
            <Tag key={name} closable onClose={() => setFilter(name, undefined)} closeIcon={<span aria-label={t('list.clear')}>×</span>}>
              {fieldLabel(fieldsByName.get(name)!, lang)}: {describeFilter(f, fieldsByName.get(name)!, lang, t)}
            </Tag>
          ))}
          <Button size="small" type="link" onClick={() => update({ f: null })}>{t('list.clearFilters')}</Button>
        </div>
      )}
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      {board ? (
        <KanbanBoard tenant={tenant} entity={entity} view={{ ...view, columns: state.columns }} filter={filter} orderby={orderby} lang={lang} fields={fieldsByName} targets={targets} />
      ) : list.isPending ? <Spin style={{ padding: 48 }} /> : rows.length === 0 ? (
        <Empty description={filtered ? t('list.noMatch') : t('list.empty')}>
          {filtered && <Button onClick={() => { setSearchText(''); update({ q: null, f: null }); }}>{t('list.clearFilters')}</Button>}
        </Empty>
      ) : phone ? (
        <CardList rows={rows} fields={columnFields} primary={primary} ctx={ctx} selected={selected} setSelected={setSelected} recordHref={recordHref} lang={lang} />
      ) : (
        <DataGrid label={plural} columns={columns} rows={rows} selected={selected} onSelectionChange={setSelected}
          onSort={setSort} onOpen={(row) => navigate(recordHref(row.id))} onNavigate={navigate} busy={list.isFetching}
          height={Math.min(window.innerHeight - 250, 44 * (rows.length + 1) + 2)}
          selectAllLabel={t('list.selectAll')} selectRowLabel={(row) => `${t('list.selectRow')} ${String(row[primary ?? 'id'] ?? row.id)}`}
          sortLabel={(c) => (c.sort === 'asc' ? t('list.sortDesc') : t('list.sortAsc'))} />
      )}
      {!board && <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, justifyContent: 'space-between' }}>
        <Typography.Text type="secondary" role="status">
          {count !== undefined && (list.data?.countIsCapped ? t('list.totalCapped', { count: formatNumber(count, lang) as unknown as number }) : t('list.total', { count: formatNumber(count, lang) as unknown as number }))}
          {selected.size > 0 && ` · ${t('list.selected', { count: selected.size })}`}
        </Typography.Text>
        <Pagination current={state.page} pageSize={state.size} total={list.data?.countIsCapped ? Math.max(count ?? 0, state.page * state.size + 1) : count ?? 0}
          pageSizeOptions={PAGE_SIZES} showSizeChanger={!phone} simple={phone}
          onChange={(page, size) => update({ page: page > 1 ? String(page) : null, size: size !== 50 ? String(size) : null }, false)} />
      </div>}
    </section>
  );
}

/** The view switcher's options: the shared views, then the caller's own in a group of their own. */
function viewOptions(views: ViewDoc[], lang: string, t: (k: string) => string): SelectProps['options'] {
  const option = (v: ViewDoc) => ({ value: v.id, label: localeText(v.name, lang, v.id ?? '') });
  const personal = views.filter((v) => v.scope === 'personal');
  if (!personal.length) return views.map(option);
  return [
    { label: t('views.shared'), title: t('views.shared'), options: views.filter((v) => v.scope !== 'personal').map(option) },
    { label: t('views.personal'), title: t('views.personal'), options: personal.map(option) },
  ];
}

function describeFilter(f: ColumnFilter, field: FieldDef, lang: string, t: (k: string) => string): string {
  const opt = (v: string) => { const o = field.options?.find((x) => x.value === v); return o ? (typeof o.label === 'string' ? o.label : o.label?.[lang] ?? o.label?.en ?? v) : v; };
  switch (f.kind) {
    case 'text': return `“${f.value}”`;
    case 'number': return `${f.min ?? '…'} – ${f.max ?? '…'}`;
    case 'date': return `${f.from?.slice(0, 10) ?? '…'} – ${f.to?.slice(0, 10) ?? '…'}`;
    case 'boolean': return f.value ? t('list.yes') : t('list.no');
    case 'choice': case 'multichoice': return f.values.map(opt).join(', ');
    case 'lookup': return f.label ?? f.id;
  }
}

interface CardListProps {
  rows: RecordData[]; fields: FieldDef[]; primary?: string; lang: string;
  ctx: { lang: string; compact: boolean; lookupHref: (t: string, id: string) => string };
  selected: Set<string>; setSelected: (s: Set<string>) => void; recordHref: (id: unknown) => string;
}

/** Phone width: each record is a card with its name and up to three fields. */
function CardList({ rows, fields, primary, ctx, selected, setSelected, recordHref, lang }: CardListProps) {
  const { t } = useTranslation();
  const shown = fields.filter((f) => f.name !== primary).slice(0, 3);
  return (
    <ul className="card-list">
      {rows.map((row) => {
        const id = String(row.id);
        const isSel = selected.has(id);
        return (
          <li key={id} className={isSel ? 'selected' : undefined}>
            <Checkbox checked={isSel} aria-label={`${t('list.selectRow')} ${String(row[primary ?? 'id'] ?? id)}`}
              onChange={() => { const n = new Set(selected); if (isSel) n.delete(id); else n.add(id); setSelected(n); }} />
            <div className="card-body">
              <Link className="card-title" to={recordHref(id)}>{String(row[primary ?? 'id'] ?? id) || '—'}</Link>
              <dl>
                {shown.map((f) => (
                  <div key={f.name} style={{ display: 'contents' }}>
                    <dt>{fieldLabel(f, lang)}</dt>
                    <dd>{specOf(f).display(row[f.name], f, ctx)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
