import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../i18n';
import DashboardPage from './DashboardPage';

// ECharts draws into SVG with layout jsdom lacks: a stand-in lists the bars and clicks one like a user would.
vi.mock('./EChart', () => ({
  default: ({ option, label, onSelect }: { option: { xAxis?: { data: string[] }; series: { data: unknown[] }[] }; label: string; onSelect?: (i: number) => void }) => (
    <div role="img" aria-label={label}>
      {(option.xAxis?.data ?? (option.series[0].data as { name: string }[]).map((d) => d.name)).map((name, i) => (
        <button key={name} type="button" onClick={() => onSelect?.(i)}>bar {name}</button>
      ))}
    </div>
  ),
}));

const entities = { value: [
  { name: 'opportunity', fields: [
    { name: 'stage', type: 'choice', options: [{ value: 'prospecting', label: { en: 'Prospecting', 'zh-CN': '潜在' } }, { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }] },
    { name: 'amount', type: 'currency' }, { name: 'close_date', type: 'date' }] },
] };
const dashboard = {
  id: 'sales-overview', label: { en: 'Sales overview', 'zh-CN': '销售概览' },
  charts: [
    { id: 'won-total', title: { en: 'Won amount', 'zh-CN': '赢单总额' }, type: 'number', entity: 'opportunity', filter: "stage eq 'won'", measure: { aggregate: 'sum', field: 'amount' } },
    { id: 'by-stage', title: { en: 'Pipeline by stage', 'zh-CN': '按阶段' }, type: 'bar', entity: 'opportunity', filter: "stage ne 'lost'", groupBy: 'stage', measure: { aggregate: 'sum', field: 'amount' } },
    { id: 'by-month', title: 'By month', type: 'line', entity: 'opportunity', groupBy: { field: 'close_date', part: 'month' }, measure: { aggregate: 'count' } },
    { id: 'secret', title: 'Secret', type: 'bar', refused: true },
  ],
};

type Answer = { status?: number; body: unknown };
function mockFetch(route: (url: string) => Answer) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = decodeURIComponent(String(input));
    calls.push(url);
    const { status = 200, body } = route(url);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

const demoData = (url: string): Answer => {
  if (url.endsWith('/metadata/entities')) return { body: entities };
  if (url.endsWith('/metadata/dashboards/sales-overview')) return { body: dashboard };
  if (url.includes('$apply=filter(stage eq \'won\')/aggregate')) return { body: { value: [{ measure: 1_250_000 }] } };
  if (url.includes('groupby((stage)')) return { body: { value: [{ stage: 'prospecting', measure: 12000 }, { stage: 'won', measure: 30000 }] } };
  if (url.includes('groupby((year,month)')) return { body: { value: [] } };
  return { status: 404, body: { title: 'Not found', detail: `no route ${url}` } };
};

function renderAt(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([
    { path: '/:tenant/dashboards/:id', element: <DashboardPage /> },
    { path: '/:tenant/:entity', element: <p>list</p> },
  ], { initialEntries: [path] });
  render(<QueryClientProvider client={client}><RouterProvider router={router} /></QueryClientProvider>);
  return router;
}

beforeAll(async () => { await import('./messages'); });
afterEach(async () => { vi.unstubAllGlobals(); await i18n.changeLanguage('en'); });

describe('the dashboard screen', () => {
  it('shows each chart with its server aggregate, choice values by label, money localized', async () => {
    const calls = mockFetch(demoData);
    renderAt('/demo/dashboards/sales-overview');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sales overview' })).toBeTruthy();
    const won = screen.getByRole('region', { name: 'Won amount' });
    await waitFor(() => expect(won.textContent).toContain('CN¥1,250,000'));
    const stage = screen.getByRole('region', { name: 'Pipeline by stage' });
    const chart = await within(stage).findByRole('img');
    expect(chart.getAttribute('aria-label')).toBe('Pipeline by stage: 2 groups. Prospecting: CN¥12,000; Won: CN¥30,000');
    expect(calls).toContain("/api/demo/data/opportunity?$apply=filter(stage ne 'lost')/groupby((stage),aggregate(amount with sum as measure))");
  });

  it('has a data table alternative and states empty and refused charts', async () => {
    mockFetch(demoData);
    renderAt('/demo/dashboards/sales-overview');
    const stage = await screen.findByRole('region', { name: 'Pipeline by stage' });
    fireEvent.click(await within(stage).findByRole('button', { name: 'Show data table' }));
    const table = within(stage).getByRole('table');
    expect(within(table).getByRole('link', { name: 'Open the records of Won' })).toBeTruthy();
    expect(table.textContent).toContain('CN¥30,000');

    const month = screen.getByRole('region', { name: 'By month' });
    await waitFor(() => expect(month.textContent).toContain('No data'));
    expect(screen.getByRole('region', { name: 'Secret' }).textContent).toContain('You may not see the data of this chart.');
  });

  it('drills into the list behind a bar with the chart filter and the group', async () => {
    mockFetch(demoData);
    const router = renderAt('/demo/dashboards/sales-overview');
    const stage = await screen.findByRole('region', { name: 'Pipeline by stage' });
    fireEvent.click(await within(stage).findByRole('button', { name: 'bar Prospecting' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/demo/opportunity'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('filter')).toBe("stage ne 'lost'");
    expect(JSON.parse(params.get('f')!)).toEqual({ stage: { kind: 'choice', values: ['prospecting'] } });
  });

  it('reads in Chinese with 万 and option labels', async () => {
    await i18n.changeLanguage('zh-CN');
    mockFetch(demoData);
    renderAt('/demo/dashboards/sales-overview');
    expect(await screen.findByRole('heading', { level: 1, name: '销售概览' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('region', { name: '赢单总额' }).textContent).toContain('¥125万'));
    const chart = await within(screen.getByRole('region', { name: '按阶段' })).findByRole('img');
    expect(chart.getAttribute('aria-label')).toContain('潜在：¥1.2万'.replace('：', ': '));
  });

  it('shows an error with a retry when the query of a chart fails', async () => {
    mockFetch((url) => (url.includes('$apply') ? { status: 400, body: { title: 'Bad request', detail: 'The query is not valid.' } } : demoData(url)));
    renderAt('/demo/dashboards/sales-overview');
    const won = await screen.findByRole('region', { name: 'Won amount' });
    await waitFor(() => expect(won.textContent).toContain('This chart could not be loaded'));
    expect(within(won).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('says so when the dashboard does not exist or is not the reader\'s', async () => {
    mockFetch((url) => (url.endsWith('/metadata/dashboards/nope') ? { status: 404, body: { title: 'Not found' } } : demoData(url)));
    renderAt('/demo/dashboards/nope');
    expect(await screen.findByText('This dashboard does not exist or you may not see it.')).toBeTruthy();
  });
});
