// "Edit selected": one field the user may write, one value for every selected record, sent as one all-or-nothing
// PATCH .../bulk. A refused batch changes nothing and lists each refused record with its reasons.
import { useMemo, useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityDef, FieldDef } from '../api/metadata';
import type { RecordData } from '../api/records';
import { fieldLabel } from '../format';
import { isReadOnlyField, specOf } from '../fields/registry';
import { bulkUpdate } from './api';
import { bulkEditableFields, refusalsByRecord, type RecordRefusal } from './bulkFields';
import './messages';

export interface BulkEditDialogProps {
  open: boolean;
  tenant: string;
  entity: EntityDef;
  lang: string;
  /** The selected ids, in the order their errors are pointed at. */
  ids: string[];
  /** The loaded rows, to name refused records. */
  rows: Map<string, RecordData>;
  onClose: () => void;
  onDone: (updated: number) => void;
}

export function BulkEditDialog({ open, tenant, entity, lang, ids, rows, onClose, onDone }: BulkEditDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fields = useMemo(() => bulkEditableFields(entity, (f) => isReadOnlyField(f, entity)), [entity]);
  const [fieldName, setFieldName] = useState<string>();
  const [value, setValue] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<RecordRefusal[]>([]);
  const [failure, setFailure] = useState<string>();
  const field: FieldDef | undefined = fields.find((f) => f.name === fieldName);
  const spec = field ? specOf(field) : undefined;
  const labelOf = (name: string) => { const f = entity.fields.find((x) => x.name === name); return f ? fieldLabel(f, lang) : name; };

  const reset = () => { setFieldName(undefined); setValue(null); setRefusals([]); setFailure(undefined); };
  const close = () => { if (!busy) { reset(); onClose(); } };

  const apply = async () => {
    if (!field || !spec) return;
    setBusy(true);
    setRefusals([]);
    setFailure(undefined);
    const sent = spec.toApi ? spec.toApi(value) : value === undefined || value === '' ? null : value;
    try {
      const { updated } = await bulkUpdate(tenant, entity.name, ids, { [field.name]: sent });
      message.success(t('bulk.done', { count: updated }));
      reset();
      onDone(updated);
    } catch (e) {
      const byRecord = refusalsByRecord(e, ids, rows, entity.primaryField, labelOf, t('bulk.whole'));
      setRefusals(byRecord);
      setFailure(byRecord.length ? t('bulk.failed', { count: byRecord.length }) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const Input = spec?.Input;
  return (
    <Modal open={open} title={t('bulk.title', { count: ids.length })} onCancel={close} onOk={() => void apply()} destroyOnHidden
      okText={t('bulk.apply', { count: ids.length })} cancelText={t('bulk.cancel')} okButtonProps={{ disabled: !field, loading: busy }}
      width={520} data-testid="bulk-edit-dialog">
      {fields.length === 0 ? <Alert type="info" showIcon title={t('bulk.noFields')} /> : (
        <Form layout="vertical" onFinish={() => void apply()}>
          <Form.Item label={t('bulk.field')} htmlFor="bulk-field">
            <Select id="bulk-field" aria-label={t('bulk.field')} placeholder={t('bulk.pickField')} value={fieldName} showSearch optionFilterProp="label"
              options={fields.map((f) => ({ value: f.name, label: fieldLabel(f, lang) }))}
              onChange={(v) => { setFieldName(v); setValue(null); setRefusals([]); setFailure(undefined); }} />
          </Form.Item>
          {field && Input && (
            <Form.Item label={fieldLabel(field, lang)} htmlFor="bulk-value" extra={value === null || value === '' ? t('bulk.clearValue') : undefined}>
              <Input id="bulk-value" field={field} lang={lang} tenant={tenant} value={value} onChange={setValue} aria-label={fieldLabel(field, lang)} />
            </Form.Item>
          )}
        </Form>
      )}
      {failure && (
        <Alert type="error" showIcon role="alert" data-testid="bulk-refusals" title={failure}
          description={refusals.length > 0 && (
            <ul className="bulk-refusals" aria-label={t('bulk.record')}>
              {refusals.map((r) => <li key={r.id}><strong>{r.name}</strong> — {r.messages.join('; ')}</li>)}
            </ul>
          )} />
      )}
    </Modal>
  );
}
