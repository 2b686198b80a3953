// One chart of a dashboard: its aggregate from the server, drawn by ECharts (a lazy chunk) or as a number, with a
// data table as the accessible alternative whose group names link to the records, like a click on the bar does.
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityDef } from '../api/metadata';
import { localeText } from '../format';
import { useIsPhone } from '../hooks';
import { dashboardsApi } from './api';
import { drillHref } from './drill';
import { axisFormatter, fieldOf, groupField, groupLabel, inOptionOrder, measureFormatter } from './labels';
import { groupNames } from './names';
import { chartOption } from './options';
import type { ChartDoc } from './types';

const EChart = lazy(() => import('./EChart'));

export interface ChartCardProps { tenant: string; chart: ChartDoc; entity: EntityDef | undefined; entities: EntityDef[]; lang: string }

export function ChartCard({ tenant, chart, entity, entities, lang }: ChartCardProps) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const [table, setTable] = useState(false);
  const title = localeText(chart.title, lang, chart.id);
  const headingId = `chart-${chart.id}`;
  const rows = useQuery({
    queryKey: ['dashboard-rows', tenant, chart],
    queryFn: async ({ signal }) => inOptionOrder(await dashboardsApi.rows(tenant, chart, signal), chart, entity),
    enabled: !chart.refused,
  });
  const field = groupField(chart);
  const needsNames = !!field && fieldOf(entity, field)?.type === 'lookup';
  const names = useQuery({
    queryKey: ['dashboard-names', tenant, chart.entity, field, rows.data?.map((r) => ('value' in r.key ? r.key.value : null))],
    queryFn: () => groupNames(tenant, field!, rows.data!.map((r) => ('value' in r.key ? r.key.value : null)), entity, entities),
    enabled: needsNames && !!rows.data?.length,
    staleTime: 5 * 60_000,
  });

  const format = useMemo(() => measureFormatter(chart, entity, lang), [chart, entity, lang]);
  const axis = useMemo(() => axisFormatter(chart, entity, lang), [chart, entity, lang]);
  const words = useMemo(() => ({ empty: t('dashboard.emptyGroup'), yes: t('dashboard.yes'), no: t('dashboard.no') }), [t]);
  const labels = useMemo(() => (rows.data ?? []).map((r) => groupLabel(chart, entity, r.key, { lang, names: names.data, words })),
    [rows.data, chart, entity, lang, names.data, words]);
  const drill = chart.drill !== false;
  const hrefOf = (i: number | null) => drillHref(tenant, chart, entity, i === null ? null : rows.data![i].key, i === null ? undefined : labels[i]);

  const values = rows.data?.map((r) => r.value) ?? [];
  const summary = t('dashboard.summary', {
    title, count: values.length,
    items: labels.slice(0, 8).map((l, i) => `${l}: ${format(values[i])}`).join('; '),
  });
  const option = useMemo(() => chart.type === 'number' ? null
    : chartOption(chart.type, { labels, values }, format, phone, axis), [chart.type, labels, values.join(), format, phone, axis]);

  let body: React.ReactNode;
  if (chart.refused) body = <Alert type="info" showIcon title={t('dashboard.refused')} />;
  else if (rows.isPending) body = <div role="status" aria-label={t('dashboard.loading', { title })}><Skeleton active paragraph={{ rows: 3 }} /></div>;
  else if (rows.error) body = (
    <Alert type="error" showIcon title={t('dashboard.error')} description={(rows.error as Error).message}
      action={<Button size="small" onClick={() => void rows.refetch()}>{t('dashboard.retry')}</Button>} />
  );
  else if (chart.type === 'number') body = (
    <div>
      <div className="dashboard-number">{format(values[0] ?? 0)}</div>
      {drill && <Link to={hrefOf(null)}>{t('dashboard.openAll')}</Link>}
    </div>
  );
  else if (!values.length) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.empty')} />;
  else body = (
    <>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: phone ? 240 : 280 }} />}>
        <EChart option={option!} label={summary} height={phone ? 240 : 280} onSelect={drill ? (i) => navigate(hrefOf(i)) : undefined} />
      </Suspense>
      {drill && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.drillHint')}</Typography.Text>}
      <div>
        <Button type="link" size="small" style={{ paddingInline: 0 }} aria-expanded={table} aria-controls={`${headingId}-table`} onClick={() => setTable(!table)}>
          {table ? t('dashboard.hideTable') : t('dashboard.showTable')}
        </Button>
      </div>
      {table && (
        <Table id={`${headingId}-table`} size="small" pagination={false} rowKey="i" aria-label={title}
          dataSource={labels.map((label, i) => ({ i, label, value: values[i] }))}
          columns={[
            { key: 'g', title: t('dashboard.group'), dataIndex: 'label', render: (label: string, row: { i: number }) => (drill ? <Link to={hrefOf(row.i)} aria-label={t('dashboard.openRecords', { group: label })}>{label}</Link> : label) },
            { key: 'v', title: t('dashboard.value'), dataIndex: 'value', align: 'right', render: (v: number) => format(v) },
          ]} />
      )}
    </>
  );

  return (
    <Card size="small" role="region" aria-labelledby={headingId} style={{ height: '100%' }}
      title={<Typography.Title level={2} id={headingId} style={{ fontSize: 15, margin: 0 }}>{title}</Typography.Title>}>
      {body}
    </Card>
  );
}
