// Lookup picker: type-ahead search (contains on the target's primary field) against the target entity, and a last
// option to create the typed text as a new record (for users who may create the target; see QuickCreate).
import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Select, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { metadataApi } from '../api/metadata';
import { recordsApi } from '../api/records';
import { entityLabel } from '../format';
import { odataString } from '../odata';
import type { InputProps } from './registry';
import { mayCreate, QuickCreateModal } from './QuickCreate';

/** The option value of "Create …": not a record id (those are UUIDs). */
const CREATE = '\u0000create';

export function LookupInput(p: InputProps) {
  const { t } = useTranslation();
  const target = p.field.target ?? '';
  const [term, setTerm] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  // Remounts the picker after the dialog: without a value it is uncontrolled and would keep showing "Create …".
  const [generation, setGeneration] = useState(0);
  const closeCreate = () => { setCreating(null); setTerm(''); setGeneration((g) => g + 1); };
  const meta = useQuery({ queryKey: ['entity', p.tenant, target], queryFn: () => metadataApi.entity(p.tenant, target), staleTime: 300_000, enabled: !!target });
  const primary = meta.data?.primaryField ?? 'name';
  const results = useQuery({
    queryKey: ['lookup', p.tenant, target, primary, term],
    queryFn: ({ signal }) => recordsApi.list(p.tenant, target, {
      top: 20, select: `id,${primary}`, orderby: primary,
      filter: term ? `contains(${primary},${odataString(term)})` : undefined,
    }, signal),
    enabled: !!meta.data,
    staleTime: 30_000,
  });
  const current = p.value && typeof p.value === 'object' ? (p.value as Record<string, unknown>) : null;
  const options = useMemo(() => {
    const list = (results.data?.value ?? []).map((r) => ({ value: String(r.id), label: String(r[primary] ?? r.id) }));
    if (current?.id && !list.some((o) => o.value === current.id)) {
      const label = (current[primary] as string) ?? Object.entries(current).find(([k, v]) => k !== 'id' && typeof v === 'string')?.[1] ?? String(current.id);
      list.unshift({ value: String(current.id), label: String(label) });
    }
    return list;
  }, [results.data, current, primary]);
  const creatable = mayCreate(meta.data) && !p.disabled;
  const targetLabel = meta.data ? entityLabel(meta.data, p.lang) : target;
  const createOption = {
    value: CREATE, 'data-testid': 'lookup-create',
    label: <span><PlusOutlined /> {term.trim() ? t('quickCreate.option', { text: term.trim() }) : t('quickCreate.optionEmpty', { entity: targetLabel })}</span>,
  };

  return (
    <>
    <Select
      key={generation}
      id={p.id}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      allowClear
      value={current?.id ? String(current.id) : undefined}
      placeholder={t('form.lookupPlaceholder', { entity: meta.data ? entityLabel(meta.data, p.lang) : target })}
      notFoundContent={results.isFetching ? <Spin size="small" /> : undefined}
      disabled={p.disabled}
      style={{ width: '100%' }}
      aria-label={p['aria-label']} aria-invalid={p['aria-invalid']} aria-describedby={p['aria-describedby']}
      // Offered once the matches for the typed text are in, so a click meant for a match never lands on it.
      options={creatable && !results.isFetching ? [...options, createOption] : options}
      onChange={(id, option) => {
        if (id === CREATE) { setCreating(term.trim()); return; }
        if (!id) { p.onChange?.(null); return; }
        const o = Array.isArray(option) ? option[0] : option;
        p.onChange?.({ id, [primary]: o?.label });
      }}
    />
    {creating !== null && meta.data && (
      <QuickCreateModal tenant={p.tenant} entity={meta.data} text={creating} lang={p.lang} onClose={closeCreate}
        onCreated={(r) => { closeCreate(); p.onChange?.({ id: String(r.id), [primary]: r[primary] }); }} />
    )}
    </>
  );
}
