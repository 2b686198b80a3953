// /app/{tenant}/dashboards/{id}: the dashboard's charts in a 12-column grid (one column on a phone).
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Result, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { localeText } from '../format';
import { useEntities, useLang, useTenant, useTitle } from '../hooks';
import { Loading } from '../App';
import { dashboardsApi } from './api';
import { ChartCard } from './ChartCard';
import './messages';
import './dashboard.css';

export default function DashboardPage() {
  const tenant = useTenant();
  const id = useParams().id ?? '';
  const lang = useLang();
  const { t } = useTranslation();
  const dashboard = useQuery({ queryKey: ['dashboard', tenant, id], queryFn: ({ signal }) => dashboardsApi.get(tenant, id, signal), staleTime: 5 * 60_000 });
  const entities = useEntities(tenant);
  const title = dashboard.data ? localeText(dashboard.data.label, lang, id) : undefined;
  useTitle(title);

  if (dashboard.error) {
    const notFound = dashboard.error instanceof ProblemError && dashboard.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('dashboard.notFound') : (dashboard.error as Error).message}
      extra={notFound ? undefined : <Button onClick={() => void dashboard.refetch()}>{t('dashboard.retry')}</Button>} />;
  }
  if (!dashboard.data || !entities.data) return <Loading />;
  const byName = new Map(entities.data.value.map((e) => [e.name, e]));
  return (
    <div className="dashboard">
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>{title}</Typography.Title>
      <Row gutter={[16, 16]}>
        {dashboard.data.charts.map((chart) => (
          <Col key={chart.id} xs={24} lg={Math.min(24, Math.max(2, (chart.span ?? 6) * 2))}>
            <ChartCard tenant={tenant} chart={chart} entity={byName.get(chart.entity)} entities={entities.data.value} lang={lang} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
