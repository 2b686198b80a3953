// Quick create from a lookup picker: a small dialog with the target entity's primary and required fields (generated
// from its definition), the typed text already in the primary field. The record is created through the API (so the
// host's validation, scripts and permissions apply); its errors are shown at their fields; on success it is selected.
import { useState } from 'react';
import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { EntityDef, FieldDef } from '../api/metadata';
import { recordsApi, type RecordData } from '../api/records';
import { entityLabel, fieldLabel } from '../format';
import { isReadOnlyField, specOf } from './registry';
import '../leadwalk/messages';

/** Whether the user may create records of the entity (the host answers its privileges under "access"). */
export const mayCreate = (entity: EntityDef | undefined) => !!entity && entity.access?.privileges?.create !== 'none';

/** The fields the dialog asks for: the primary field first, then every other required field the user may edit. */
export function quickCreateFields(entity: EntityDef): FieldDef[] {
  const editable = (f: FieldDef) => !isReadOnlyField(f, entity) && entity.access?.fields?.[f.name] !== 'hidden' && f.type !== 'autonumber';
  const primary = entity.fields.find((f) => f.name === entity.primaryField);
  const required = entity.fields.filter((f) => f.required && f !== primary && f.default === undefined && editable(f));
  return [...(primary && editable(primary) ? [primary] : []), ...required];
}

export function QuickCreateModal({ tenant, entity, text, lang, onCreated, onClose }: {
  tenant: string; entity: EntityDef; text: string; lang: string; onCreated: (record: RecordData) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fields = quickCreateFields(entity);
  const label = entityLabel(entity, lang);

  const create = async () => {
    let values: Record<string, unknown>;
    try { values = await form.validateFields(); } catch { return; }
    const body: RecordData = {};
    for (const f of fields) {
      const spec = specOf(f);
      const v = spec.toApi ? spec.toApi(values[f.name]) : values[f.name];
      if (v !== undefined && v !== null && v !== '') body[f.name] = v;
    }
    setBusy(true); setProblem(null);
    try {
      const { record } = await recordsApi.create(tenant, entity.name, body);
      message.success(t('quickCreate.created', { entity: label, name: String(record[entity.primaryField ?? 'id'] ?? '') }));
      onCreated(record);
    } catch (e) {
      if (e instanceof ProblemError) {
        const byField = e.fieldErrors();
        const shown = fields.map((f) => f.name).filter((n) => byField[n]);
        form.setFields(shown.map((name) => ({ name, errors: byField[name] })));
        const rest = Object.entries(byField).filter(([n]) => !shown.includes(n)).flatMap(([n, m]) => m.map((x) => (n ? `${n}: ${x}` : x)));
        setProblem(shown.length ? [t('quickCreate.failed'), ...rest].join(' ') : [e.problem.detail || e.problem.title || e.message, ...rest].join(' — '));
      } else setProblem((e as Error).message);
    } finally { setBusy(false); }
  };

  return (
    <Modal open title={t('quickCreate.title', { entity: label })} okText={t('quickCreate.create')} cancelText={t('quickCreate.cancel')}
      onOk={() => void create()} onCancel={onClose} okButtonProps={{ loading: busy }} destroyOnHidden data-testid="quick-create">
      {problem && <div role="alert" style={{ color: 'var(--ant-color-error, #cf1322)', marginBottom: 8 }}>{problem}</div>}
      <Form form={form} layout="vertical" name={`quick-create-${entity.name}`} initialValues={entity.primaryField ? { [entity.primaryField]: text } : undefined}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT' && !e.nativeEvent.isComposing && !(e.target as HTMLElement).closest('.ant-select, .ant-picker')) { e.preventDefault(); void create(); } }}>
        {fields.map((f) => {
          const name = fieldLabel(f, lang);
          return (
            <Form.Item key={f.name} name={f.name} label={name} rules={f.required || f.name === entity.primaryField ? [{ required: true, message: t('form.required', { field: name }) }] : undefined}>
              <QuickInput field={f} lang={lang} tenant={tenant} />
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}

/** Form.Item hands the control its id, value, onChange and the aria attributes of its errors. */
function QuickInput(p: { field: FieldDef; lang: string; tenant: string; id?: string; value?: unknown; onChange?: (v: unknown) => void; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  return <>{specOf(p.field).Input({ id: p.id, field: p.field, lang: p.lang, tenant: p.tenant, value: p.value, onChange: p.onChange,
    'aria-invalid': p['aria-invalid'], 'aria-describedby': p['aria-describedby'] })}</>;
}
