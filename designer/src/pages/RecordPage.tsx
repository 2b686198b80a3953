// A record's form, generated from the entity definition or its form document: create, edit, delete; server
// validation and script errors at their fields; optimistic-concurrency conflicts (412) explained with a choice.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Result, Row, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, ExportOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError, type Problem } from '../api/client';
import { recordsApi, type RecordData } from '../api/records';
import { formFields, SYSTEM_FIELDS, type EntityDef, type FieldDef, type FormDoc } from '../api/metadata';
import { applyRules } from '../forms/conditions';
import { RelatedList } from './RelatedList';
import { entityLabel, entityPluralLabel, fieldLabel, localeText } from '../format';
import { isReadOnlyField, lookupText, optionLabel, specOf } from '../fields/registry';
import { StageBar } from '../forms/StageBar';
import { useEntities, useEntityDef, useFormDoc, useIsPhone, useLang, useTenant, useTitle } from '../hooks';
import { guardComposingEnter, isComposing } from '../ime';
import { Loading } from '../App';
import { RecordActions } from '../record-actions/RecordActions';
import { RecordExtras } from '../record-extras/RecordExtras';
import { RecordPeople } from '../record-extras/RecordPeople';

export default function RecordPage() {
  const tenant = useTenant();
  const { entity: entityName = '', id } = useParams();
  const entity = useEntityDef(tenant, entityName);
  const form = useFormDoc(tenant, entity.data);
  const all = useEntities(tenant);
  if (entity.error) return <Result status="404" title={(entity.error as Error).message} />;
  if (!entity.data || !form.data || !all.data) return <Loading />;
  return <RecordEditor key={`${entityName}/${id ?? 'new'}`} tenant={tenant} entity={entity.data} formDoc={form.data} entities={all.data.value} id={id} />;
}

interface EditorProps { tenant: string; entity: EntityDef; formDoc: FormDoc; entities: EntityDef[]; id?: string }

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

function RecordEditor({ tenant, entity, formDoc, entities, id }: EditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const isNew = !id;
  const [params] = useSearchParams();
  const fields = useMemo(() => new Map(entity.fields.map((f) => [f.name, f])), [entity]);
  const targets = useMemo(() => new Map(entities.map((e) => [e.name, e])), [entities]);
  const expand = useMemo(() => entity.fields.filter((f) => f.type === 'lookup' && f.target)
    .map((f) => `${f.name}($select=${targets.get(f.target!)?.primaryField ?? 'id'})`).join(','), [entity, targets]);
  const canUpdate = isNew ? entity.access?.privileges?.create !== 'none' : entity.access?.privileges?.update !== 'none';

  const record = useQuery({
    queryKey: ['record', tenant, entity.name, id],
    queryFn: ({ signal }) => recordsApi.get(tenant, entity.name, id!, expand || undefined, signal),
    enabled: !isNew,
    staleTime: 0,
  });

  useTitle(isNew ? t('form.newTitle', { entity: entityLabel(entity, lang) })
    : record.data ? String(record.data.record[entity.primaryField ?? 'id'] ?? '') : undefined);

  const etag = useRef<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirtyState] = useState(false);
  const dirtyRef = useRef(false);
  const composing = useRef(false);
  const setDirty = (v: boolean) => { dirtyRef.current = v; setDirtyState(v); };
  // The form's rules, evaluated over the values as they are edited.
  const [live, setLive] = useState<Record<string, unknown>>({});
  const states = useMemo(() => applyRules(formDoc.rules, live), [formDoc.rules, live]);
  const onForm = useMemo(() => formFields(formDoc), [formDoc]);
  const [tab, setTab] = useState(formDoc.tabs[0]?.id);
  const tabOf = useCallback((name: string) => formDoc.tabs.find((t) => t.sections.some((s) => s.rows.some((r) => r.includes(name))))?.id, [formDoc]);
  // Ant Design's overflow button of the tab bar has no name; give it one.
  const moreLabel = t('form.moreTabs');
  const labelTabsMore = useCallback((el: HTMLDivElement | null) => {
    el?.querySelectorAll('.ant-tabs-nav-more').forEach((b) => b.setAttribute('aria-label', moreLabel));
  }, [moreLabel]);
  const showField = (name: string) => {
    const k = tabOf(name);
    if (k) setTab(k);
    setTimeout(() => form.scrollToField(name, { block: 'center' }), 0);
  };
  /** Shows the field with why it is needed and puts the cursor in it (a stage move refused for it: the user types right away). */
  const focusField = (name: string, why: string) => {
    form.setFields([{ name, errors: [why] }]);
    showField(name);
    setTimeout(() => form.focusField(name), 50);
  };

  const toForm = useCallback((r: RecordData) => {
    const values: Record<string, unknown> = {};
    for (const f of entity.fields) { const spec = specOf(f); values[f.name] = spec.fromApi ? spec.fromApi(r[f.name]) : r[f.name]; }
    return values;
  }, [entity]);

  const initial = useMemo(() => {
    if (isNew) {
      const d: RecordData = {};
      for (const f of entity.fields) if (f.default !== undefined && typeof f.default !== 'object') d[f.name] = f.default;
      // A related list's New button prefills the lookup to its record (?account=<id>); any field can be given so.
      for (const f of entity.fields) {
        const v = params.get(f.name);
        if (v !== null && !isReadOnlyField(f, entity)) d[f.name] = f.type === 'lookup' ? { id: v } : v;
      }
      return toForm(d);
    }
    return record.data ? toForm(record.data.record) : undefined;
  }, [isNew, record.data, toForm, entity, params]);

  useEffect(() => {
    if (!initial) return;
    form.resetFields();
    form.setFieldsValue(initial);
    setLive(initial);
    if (record.data) etag.current = record.data.etag ?? (record.data.record.row_version != null ? `"${record.data.record.row_version}"` : null);
    setDirty(false);
  }, [initial, form, record.data]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({ title: t('form.unsavedLeave'), okText: t('form.leave'), cancelText: t('form.cancel'),
      onOk: () => blocker.proceed(), onCancel: () => blocker.reset() });
  }, [blocker, modal, t]);
  useEffect(() => {
    const on = (e: BeforeUnloadEvent) => { if (dirtyRef.current) e.preventDefault(); };
    window.addEventListener('beforeunload', on);
    return () => window.removeEventListener('beforeunload', on);
  }, []);

  /** The request body: on create every filled field, on update only what changed. */
  const bodyOf = (values: Record<string, unknown>): RecordData => {
    const body: RecordData = {};
    for (const f of entity.fields) {
      if (isReadOnlyField(f, entity) || !(f.name in values) || states.hidden.has(f.name)) continue;
      const spec = specOf(f);
      const v = spec.toApi ? spec.toApi(values[f.name]) : values[f.name] === undefined ? null : values[f.name];
      if (isNew) { if (!empty(v)) body[f.name] = v; continue; }
      const before = initial?.[f.name];
      const was = spec.toApi ? spec.toApi(before) : before ?? null;
      if (JSON.stringify(was ?? null) !== JSON.stringify(v ?? null)) body[f.name] = v;
    }
    return body;
  };

  const showProblem = (e: unknown) => {
    if (!(e instanceof ProblemError)) { setProblem({ title: (e as Error).message }); return; }
    const byField = e.fieldErrors();
    const shown = new Set(onForm.filter((n) => !states.hidden.has(n)));
    const left: string[] = [];
    const set: { name: string; errors: string[] }[] = [];
    for (const [name, msgs] of Object.entries(byField)) {
      if (shown.has(name)) set.push({ name, errors: msgs }); else left.push(...msgs.map((m) => (name ? `${name}: ${m}` : m)));
    }
    form.setFields(set);
    if (set.length) showField(set[0].name);
    setProblem({ ...e.problem, leftover: left });
  };

  /** Saves the form (with `extra` values the form does not show as edited, e.g. a stage bar's new stage); true when saved. */
  const save = async (overwrite = false, extra: RecordData = {}): Promise<boolean> => {
    if (saving || composing.current) return false;
    let values: Record<string, unknown>;
    try { values = await form.validateFields(); } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name?.[0];
      if (first !== undefined) showField(String(first));
      return false;
    }
    const body = { ...bodyOf(values), ...extra };
    if (!isNew && !Object.keys(body).length && !overwrite) { message.info(t('form.noChanges')); return false; }
    setSaving(true); setProblem(null);
    try {
      if (isNew) {
        const { record: created } = await recordsApi.create(tenant, entity.name, body);
        setDirty(false);
        message.success(t('form.saved'));
        await queryClient.invalidateQueries({ queryKey: ['records', tenant, entity.name] });
        navigate(`/${tenant}/${entity.name}/${created.id}`, { replace: true });
      } else {
        await recordsApi.update(tenant, entity.name, id!, body, overwrite ? null : etag.current);
        setDirty(false);
        if (!Object.keys(extra).length) message.success(t('form.saved')); // else the caller says what happened ("Moved to …")
        await Promise.all([record.refetch(), queryClient.invalidateQueries({ queryKey: ['records', tenant, entity.name] })]);
      }
      return true;
    } catch (e) {
      if (e instanceof ProblemError && e.status === 412) {
        modal.confirm({
          title: t('form.conflictTitle'), content: t('form.conflictBody'), okText: t('form.overwrite'), cancelText: t('form.reload'),
          okButtonProps: { danger: true }, closable: true, maskClosable: false,
          onOk: () => save(true, extra),
          onCancel: async () => { setDirty(false); await record.refetch(); },
        });
      } else showProblem(e);
      return false;
    } finally { setSaving(false); }
  };

  const remove = () => modal.confirm({
    title: t('form.deleteConfirm'), okText: t('form.deleteOk'), cancelText: t('form.cancel'), okButtonProps: { danger: true },
    onOk: async () => {
      try {
        await recordsApi.remove(tenant, entity.name, id!, etag.current);
        setDirty(false);
        message.success(t('form.deleted'));
        queryClient.removeQueries({ queryKey: ['record', tenant, entity.name, id] });
        await queryClient.invalidateQueries({ queryKey: ['records', tenant, entity.name] });
        navigate(`/${tenant}/${entity.name}`);
      } catch (e) { showProblem(e); }
    },
  });

  if (!isNew && record.error) {
    const status = record.error instanceof ProblemError ? record.error.status : 0;
    return <Result status={status === 404 ? '404' : 'error'} title={status === 404 ? t('form.notFound') : (record.error as Error).message}
      extra={<Link to={`/${tenant}/${entity.name}`}>{t('form.back')}</Link>} />;
  }
  if (!isNew && !record.data) return <Loading />;

  const title = isNew ? t('form.newTitle', { entity: entityLabel(entity, lang) })
    : String(record.data?.record[entity.primaryField ?? 'id'] ?? '') || entityLabel(entity, lang);

  // Enter in a one-line input saves (the Save button sits outside the <form>, so there is no implicit submission);
  // never while an input method is composing: that Enter picks a candidate. Ctrl/Cmd+S saves from anywhere.
  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys in a dialog opened from a field (a lookup's quick create) reach here through the portal: not this form's.
    if (!(e.currentTarget as HTMLElement).contains(e.target as Node)) return;
    if (isComposing(e)) { guardComposingEnter(e); return; }
    const target = e.target as HTMLElement;
    const oneLine = target.tagName === 'INPUT' && !target.closest('.ant-select, .ant-picker') && !['checkbox', 'radio'].includes((target as HTMLInputElement).type);
    if (e.key === 'Enter' && oneLine && !e.shiftKey) { e.preventDefault(); void save(); }
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') { e.preventDefault(); void save(); }
  };

  return (
    <section aria-labelledby="record-title" style={{ maxWidth: 1100 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        <Link to={`/${tenant}/${entity.name}`} aria-label={t('form.back')}><ArrowLeftOutlined /> {!phone && entityPluralLabel(entity, lang)}</Link>
        <Typography.Title id="record-title" level={3} style={{ margin: 0, marginInlineEnd: 'auto', minWidth: 0 }} ellipsis>{title}</Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!canUpdate} onClick={() => void save()}>{t('form.save')}</Button>
          {!isNew && <Button icon={<PlusOutlined />} onClick={() => navigate(`/${tenant}/${entity.name}/new`)}>{t('form.new')}</Button>}
          {!isNew && entity.access?.privileges?.delete !== 'none' && <Button danger icon={<DeleteOutlined />} onClick={remove}>{t('form.delete')}</Button>}
          {!isNew && id && <RecordActions tenant={tenant} entity={entity} id={id} lang={lang} record={record.data?.record} onFieldProblem={showProblem} />}
        </Space>
      </div>
      {problem && <ProblemAlert problem={problem} onClose={() => setProblem(null)} />}
      <Form form={form} layout="vertical" onKeyDownCapture={onKeyDown} initialValues={initial}
        onCompositionStartCapture={() => { composing.current = true; }} onCompositionEndCapture={() => { setTimeout(() => { composing.current = false; }, 0); }}
        onFinish={() => void save()} onValuesChange={(_, all) => { setLive(all); if (!dirtyRef.current) setDirty(true); }}
        scrollToFirstError={{ block: 'center' }} aria-label={title}>
        {!isNew && record.data && formDoc.header.length > 0 && (
          <HeaderBar fields={formDoc.header.map((n) => fields.get(n) ?? systemField(n)).filter((f): f is FieldDef => !!f && entity.access?.fields?.[f.name] !== 'hidden')}
            record={record.data.record} lang={lang} tenant={tenant} />
        )}
        {!isNew && record.data && formDoc.stageBar && (
          <StageBar tenant={tenant} entity={entity} bar={formDoc.stageBar} record={record.data.record} etag={etag.current} lang={lang}
            dirty={dirty} disabled={!canUpdate} values={live} saveWith={(extra) => save(false, extra)} onShowField={focusField} onMoved={() => Promise.all([record.refetch(), queryClient.invalidateQueries({ queryKey: ['records', tenant, entity.name] })])} />
        )}
        {(() => {
          const items = formDoc.tabs.map((tb) => ({
            key: tb.id, forceRender: true,
            label: localeText(tb.label, lang, '') || t('form.details'),
            children: tb.sections.map((s, i) => {
              const cols = phone ? 1 : s.columns ?? 2;
              const rows = s.rows.map((r) => r.map((name) => fields.get(name))
                .filter((f): f is FieldDef => !!f && entity.access?.fields?.[f.name] !== 'hidden' && !states.hidden.has(f.name))).filter((r) => r.length);
              if (!rows.length) return null;
              return (
                <Card key={s.id ?? i} size="small" title={localeText(s.label, lang, '') || undefined} style={{ marginBottom: 12 }} data-section={s.id}>
                  {rows.map((r, j) => (
                    <Row gutter={16} key={j}>
                      {r.map((f) => (
                        <Col key={f.name} span={cols === 1 || f.type === 'longtext' && r.length === 1 ? 24 : 12}>
                          <FieldItem field={f} entity={entity} lang={lang} tenant={tenant} isNew={isNew} disabled={!canUpdate}
                            ruleRequired={states.required.has(f.name)} ruleReadOnly={states.readOnly.has(f.name)} />
                        </Col>
                      ))}
                    </Row>
                  ))}
                </Card>
              );
            }),
          }));
          // One tab needs no tab bar; several get Ant Design Tabs (every tab rendered, so validation sees every field).
          return items.length === 1 ? items[0].children : (
            <div ref={labelTabsMore}><Tabs activeKey={tab} onChange={setTab} destroyOnHidden={false} items={items} /></div>
          );
        })()}
        {!isNew && record.data && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('form.modified')}: {specOf({ name: 'modified_at', type: 'datetime' }).display(record.data.record.modified_at, { name: 'modified_at', type: 'datetime' }, { lang })}
          </Typography.Text>
        )}
        {!isNew && record.data && <RecordPeople record={record.data.record} />}
      </Form>
      {!isNew && id && formDoc.relatedLists.map((rl, i) => (
        <RelatedList key={i} tenant={tenant} parent={entity} id={id} list={rl} entities={entities} lang={lang} />
      ))}
      {!isNew && id && <RecordExtras tenant={tenant} entity={entity} formDoc={formDoc} id={id} entities={entities} lang={lang} />}
      {isNew && formDoc.relatedLists.length > 0 && <Typography.Text type="secondary">{t('form.relatedSaveFirst')}</Typography.Text>}
      {dirty && <span hidden data-testid="dirty" />}
    </section>
  );
}

export function ProblemAlert({ problem, onClose }: { problem: Problem & { leftover?: string[] }; onClose: () => void }) {
  const { t } = useTranslation();
  const script = problem.type?.endsWith('/script-error');
  const validation = problem.type?.endsWith('/validation');
  const title = script ? t('form.scriptError') : validation ? t('form.invalid') : problem.title ?? t('app.error');
  const lines: string[] = [];
  if (script) {
    lines.push(String(problem.message ?? problem.detail ?? ''));
    if (problem.script) lines.push(t('form.scriptAt', { script: problem.script, line: problem.line ?? '?', column: problem.column ?? '?' }));
  } else if (!validation && problem.detail) lines.push(problem.detail);
  lines.push(...(problem.leftover ?? []));
  return (
    <Alert type="error" showIcon closable onClose={onClose} role="alert" style={{ marginBottom: 12 }} title={title}
      description={lines.length ? <>{lines.map((l, i) => <div key={i}>{l}</div>)}</> : undefined} />
  );
}

interface FieldItemProps { field: FieldDef; entity: EntityDef; lang: string; tenant: string; isNew: boolean; disabled: boolean; ruleRequired?: boolean; ruleReadOnly?: boolean }

const systemField = (name: string): FieldDef | undefined => SYSTEM_FIELDS.find((f) => f.name === name);

/** The form's header fields, highlighted above the tabs (values only; edited in the tabs). */
function HeaderBar({ fields, record, lang, tenant }: { fields: FieldDef[]; record: Record<string, unknown>; lang: string; tenant: string }) {
  const ctx = { lang, tenant, lookupHref: (target: string, rid: string) => `${import.meta.env.BASE_URL}${tenant}/${target}/${rid}` };
  return (
    <dl aria-label="header" data-testid="form-header" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 32px', margin: '0 0 8px', padding: '8px 12px',
      background: 'var(--ant-color-fill-quaternary, #fafafa)', borderRadius: 8 }}>
      {fields.map((f) => (
        <div key={f.name} style={{ minWidth: 0 }}>
          <dt style={{ fontSize: 12, color: 'var(--ant-color-text-secondary, #888)' }}>{fieldLabel(f, lang)}</dt>
          <dd style={{ margin: 0, fontWeight: 500 }}>{specOf(f).display(record[f.name], f, ctx)}</dd>
        </div>
      ))}
    </dl>
  );
}

function FieldItem({ field, entity, lang, tenant, isNew, disabled, ruleRequired, ruleReadOnly }: FieldItemProps) {
  const { t } = useTranslation();
  const label = fieldLabel(field, lang);
  const readOnly = isReadOnlyField(field, entity) || !!ruleReadOnly;
  const help = field.type === 'autonumber' && isNew ? t('form.autonumber') : field.formula ? t('form.readOnly') : undefined;
  if (readOnly) {
    return (
      <Form.Item name={field.name} label={label} extra={help}>
        <ReadOnlyValue field={field} lang={lang} />
      </Form.Item>
    );
  }
  const rules = (field.required || ruleRequired) && field.type !== 'boolean' ? [{ required: true, message: t('form.required', { field: label }) }] : undefined;
  return (
    <Form.Item name={field.name} label={label} rules={rules} valuePropName="value" extra={localeText(field.description, lang, '') || undefined}>
      <FieldInput field={field} lang={lang} tenant={tenant} disabled={disabled} />
    </Form.Item>
  );
}

interface FieldInputProps {
  field: FieldDef; lang: string; tenant: string; disabled: boolean; id?: string; value?: unknown; onChange?: (v: unknown) => void;
  'aria-invalid'?: boolean; 'aria-describedby'?: string; 'aria-required'?: boolean;
}

/** Form.Item hands its control id, value, onChange and the aria-invalid / aria-describedby of its errors. */
function FieldInput(p: FieldInputProps) {
  const spec = specOf(p.field);
  const input = spec.Input({ id: p.id, field: p.field, lang: p.lang, tenant: p.tenant, value: p.value, onChange: p.onChange, disabled: p.disabled,
    'aria-invalid': p['aria-invalid'], 'aria-describedby': p['aria-describedby'] });
  const href = !p.value ? null : p.field.type === 'email' ? `mailto:${p.value}` : p.field.type === 'phone' ? `tel:${String(p.value).replace(/\s/g, '')}`
    : p.field.type === 'url' && /^https?:\/\//i.test(String(p.value)) ? String(p.value) : null;
  const lookupId = p.field.type === 'lookup' && p.value && typeof p.value === 'object' ? (p.value as { id?: string }).id : undefined;
  if (lookupId && p.field.target) {
    return (
      <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
        <div style={{ flex: 1, minWidth: 0 }}>{input}</div>
        <Link to={`/${p.tenant}/${p.field.target}/${lookupId}`} aria-label={`${fieldLabel(p.field, p.lang)}: ${lookupText(p.value as Record<string, unknown>)}`}
          title={lookupText(p.value as Record<string, unknown>)}><ExportOutlined /></Link>
      </div>
    );
  }
  if (!href) return <>{input}</>;
  return (
    <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
      <div style={{ flex: 1, minWidth: 0 }}>{input}</div>
      <a href={href} target={p.field.type === 'url' ? '_blank' : undefined} rel="noreferrer" aria-label={String(p.value)} title={String(p.value)}><ExportOutlined /></a>
    </div>
  );
}

/** Calculated fields (autonumber, formula) and fields the user may only read: shown as text in a labelled read-only box. */
function ReadOnlyValue({ field, lang, id, value }: { field: FieldDef; lang: string; id?: string; value?: unknown }) {
  const spec = specOf(field);
  const raw = spec.toApi ? spec.toApi(value) : value;
  const shown = spec.display(raw, field, { lang });
  // A choice shows its option's label ("Web", "网站"), never the stored value.
  const label = (x: unknown) => (field.type === 'choice' || field.type === 'multichoice' ? optionLabel(field, x, lang) : String(x));
  const text = typeof shown === 'string' ? shown : raw == null ? '' : Array.isArray(raw) ? raw.map(label).join(', ') : typeof raw === 'object' ? (raw as { id?: string }).id ?? '' : label(raw);
  if (['email', 'phone', 'url', 'lookup'].includes(field.type) && raw) {
    return <div style={{ minHeight: 32, display: 'flex', alignItems: 'center' }}><Input id={id} readOnly value={text} style={{ display: 'none' }} />{shown}</div>;
  }
  return <Input id={id} readOnly value={text === '—' ? '' : text} variant="filled" />;
}
