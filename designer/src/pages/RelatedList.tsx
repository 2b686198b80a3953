// A form's related list: the child records whose lookup points to this record (or a many-to-many relation's targets),
// as a compact table of the form document's columns, with a New button that opens the child's new form with the
// lookup prefilled (?lookup=id).
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { request } from '../api/client';
import { recordsApi, type RecordData } from '../api/records';
import type { EntityDef, FieldDef, RelatedList as RelatedListDoc } from '../api/metadata';
import { entityPluralLabel, fieldLabel, localeText } from '../format';
import { specOf } from '../fields/registry';

const PAGE = 10;

interface Props { tenant: string; parent: EntityDef; id: string; list: RelatedListDoc; entities: EntityDef[]; lang: string }

export function RelatedList({ tenant, parent, id, list, entities, lang }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const byName = useMemo(() => new Map(entities.map((e) => [e.name, e])), [entities]);
  const relation = list.relation ? parent.relations?.find((r) => r.name === list.relation) : undefined;
  const child = byName.get(list.entity ?? relation?.target ?? '');
  const fields = useMemo(() => list.columns.map((c) => child?.fields.find((f) => f.name === c)).filter((f): f is FieldDef => !!f), [list, child]);
  const expand = fields.filter((f) => f.type === 'lookup' && f.target).map((f) => `${f.name}($select=${byName.get(f.target!)?.primaryField ?? 'id'})`).join(',');
  const rows = useQuery({
    queryKey: ['related', tenant, parent.name, id, list.relation ?? `${list.entity}.${list.lookup}`],
    enabled: !!child,
    queryFn: async ({ signal }) => {
      if (list.entity && list.lookup) {
        return recordsApi.list(tenant, list.entity, {
          filter: `${list.lookup} eq ${id}`, top: PAGE, orderby: 'modified_at desc',
          select: ['id', child!.primaryField, ...fields.map((f) => f.name)].filter(Boolean).join(','), expand: expand || undefined,
        }, signal);
      }
      const { data } = await request<{ value?: RecordData[] }>(tenant, `/data/${encodeURIComponent(parent.name)}/${id}/${encodeURIComponent(list.relation!)}`, { signal });
      return { value: data.value ?? [], count: data.value?.length };
    },
  });
  if (!child) return null;
  const title = localeText(list.label, lang, '') || entityPluralLabel(child, lang);
  const ctx = { lang, compact: true, lookupHref: (target: string, rid: string) => `${import.meta.env.BASE_URL}${tenant}/${target}/${rid}` };
  const primary = child.primaryField ?? fields[0]?.name;
  const canCreate = !!list.lookup && child.access?.privileges?.create !== 'none';
  const count = rows.data?.count ?? rows.data?.value.length ?? 0;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`related-${child.name}`}
      title={<span>{title}{rows.data ? <Typography.Text type="secondary"> ({count})</Typography.Text> : null}</span>}
      extra={canCreate && (
        <Button size="small" icon={<PlusOutlined />} aria-label={`${t('form.relatedNew')}: ${title}`}
          onClick={() => navigate(`/${tenant}/${child.name}/new?${encodeURIComponent(list.lookup!)}=${encodeURIComponent(id)}`)}>{t('form.relatedNew')}</Button>
      )}>
      <Table<RecordData> size="small" rowKey={(r) => String(r.id)} loading={rows.isLoading} pagination={false} scroll={{ x: 'max-content' }}
        dataSource={rows.data?.value ?? []} aria-label={title}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('form.relatedEmpty')} /> }}
        columns={fields.map((f) => ({
          key: f.name, dataIndex: f.name, title: fieldLabel(f, lang), ellipsis: true,
          render: (v: unknown, r: RecordData) => (f.name === primary
            ? <Link to={`/${tenant}/${child.name}/${r.id}`}>{String(v ?? '') || String(r.id)}</Link>
            : specOf(f).display(v, f, ctx)),
        }))} />
      {list.lookup && count > PAGE && (
        <div style={{ marginTop: 8 }}>
          <Link to={`/${tenant}/${child.name}?f=${encodeURIComponent(JSON.stringify({ [list.lookup]: { kind: 'lookup', id } }))}`}>{t('form.relatedMore', { count })}</Link>
        </div>
      )}
    </Card>
  );
}
