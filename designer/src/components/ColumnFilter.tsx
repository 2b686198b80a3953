// The filter editor of one list column, chosen by the field type's filter kind.
import { useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Popover, Select, Space } from 'antd';
import { FilterFilled, FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../api/metadata';
import { localeText } from '../format';
import { isComposing } from '../ime';
import { specOf } from '../fields/registry';
import { LookupInput } from '../fields/LookupInput';
import type { ColumnFilter } from '../odata';

interface Props { field: FieldDef; label: string; lang: string; tenant: string; value?: ColumnFilter; onChange: (f: ColumnFilter | undefined) => void }

export function ColumnFilterButton(p: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const kind = specOf(p.field).filterKind;
  if (kind === 'none') return null;
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" destroyOnHidden
      content={<FilterEditor {...p} close={() => setOpen(false)} />}>
      <Button size="small" type="text" tabIndex={-1} aria-label={t('list.filterBy', { field: p.label })}
        icon={p.value ? <FilterFilled style={{ color: '#1f6feb' }} /> : <FilterOutlined />} onClick={(e) => e.stopPropagation()} />
    </Popover>
  );
}

function FilterEditor({ field, label, lang, tenant, value, onChange, close }: Props & { close: () => void }) {
  const { t } = useTranslation();
  const kind = specOf(field).filterKind;
  const [draft, setDraft] = useState<ColumnFilter | undefined>(value);
  const apply = (f = draft) => { onChange(f); close(); };
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: localeText(o.label, lang, o.value) }));
  let editor: React.ReactNode = null;
  switch (kind) {
    case 'text':
      editor = <Input autoFocus aria-label={t('list.filterBy', { field: label })} value={draft?.kind === 'text' ? draft.value : ''}
        onChange={(e) => setDraft({ kind: 'text', value: e.target.value })}
        onKeyDown={(e) => { if (e.key === 'Enter' && !isComposing(e)) apply(); }} />;
      break;
    case 'number': {
      const d = draft?.kind === 'number' ? draft : { kind: 'number' as const };
      editor = <Space>
        <InputNumber aria-label={`${label} ${t('list.from')}`} placeholder={t('list.from')} value={d.min ?? null} onChange={(v) => setDraft({ ...d, min: v as number | null })} />
        <InputNumber aria-label={`${label} ${t('list.to')}`} placeholder={t('list.to')} value={d.max ?? null} onChange={(v) => setDraft({ ...d, max: v as number | null })} />
      </Space>;
      break;
    }
    case 'date': {
      const d = draft?.kind === 'date' ? draft : { kind: 'date' as const };
      editor = <DatePicker.RangePicker aria-label={label} showTime={field.type === 'datetime'} allowEmpty={[true, true]}
        value={[d.from ? dayjs(d.from) : null, d.to ? dayjs(d.to) : null]}
        onChange={(r) => setDraft({ kind: 'date', from: r?.[0] ? (field.type === 'datetime' ? r[0].toISOString() : r[0].format('YYYY-MM-DD')) : null,
          to: r?.[1] ? (field.type === 'datetime' ? r[1].toISOString() : r[1].format('YYYY-MM-DD')) : null })} />;
      break;
    }
    case 'boolean':
      editor = <Select aria-label={label} style={{ width: 160 }} value={draft?.kind === 'boolean' ? String(draft.value) : undefined}
        options={[{ value: 'true', label: t('list.yes') }, { value: 'false', label: t('list.no') }]}
        onChange={(v) => setDraft({ kind: 'boolean', value: v === 'true' })} />;
      break;
    case 'choice': case 'multichoice':
      editor = <Select aria-label={label} mode="multiple" style={{ width: 220 }} options={options}
        value={draft && (draft.kind === 'choice' || draft.kind === 'multichoice') ? draft.values : []}
        onChange={(v: string[]) => setDraft({ kind, values: v })} />;
      break;
    case 'lookup':
      editor = <div style={{ width: 240 }}><LookupInput field={field} lang={lang} tenant={tenant} aria-label={label}
        value={draft?.kind === 'lookup' ? { id: draft.id, name: draft.label } : null}
        onChange={(v) => { const o = v as Record<string, unknown> | null; setDraft(o ? { kind: 'lookup', id: String(o.id), label: Object.entries(o).find(([k]) => k !== 'id')?.[1] as string } : undefined); }} /></div>;
      break;
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} role="group" aria-label={t('list.filterBy', { field: label })}>
      {editor}
      <Space style={{ justifyContent: 'flex-end' }}>
        <Button size="small" onClick={() => apply(undefined)}>{t('list.clear')}</Button>
        <Button size="small" type="primary" onClick={() => apply()}>{t('list.apply')}</Button>
      </Space>
    </div>
  );
}
