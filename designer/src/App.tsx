import { lazy, Suspense, useEffect, useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { ProblemError } from './api/client';
import { lastTenant } from './session';

const TenantShell = lazy(() => import('./pages/TenantShell').then((m) => ({ default: m.TenantShell })));
const LoginPage = lazy(() => import('./pages/LoginPage'));
const ListPage = lazy(() => import('./pages/ListPage'));
const RecordPage = lazy(() => import('./pages/RecordPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const InboxPage = lazy(() => import('./inbox/InboxPage'));
const DashboardPage = lazy(() => import('./dashboards/DashboardPage'));

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ProblemError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export const Loading = () => (
  <div className="app-loading" role="status" aria-label="Loading" />
);

const page = (el: React.ReactNode) => <Suspense fallback={<Loading />}>{el}</Suspense>;

function RootRedirect() {
  const tenant = lastTenant();
  return <Navigate to={tenant ? `/${tenant}` : '/login'} replace />;
}

const router = createBrowserRouter([
  { path: '/', element: <RootRedirect /> },
  { path: '/login', element: page(<LoginPage />) },
  {
    path: '/:tenant',
    element: page(<TenantShell />),
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'inbox', element: page(<InboxPage />) },
      { path: 'dashboards/:id', element: page(<DashboardPage />) },
      { path: ':entity', element: page(<ListPage />) },
      { path: ':entity/new', element: page(<RecordPage />) },
      { path: ':entity/:id', element: page(<RecordPage />) },
    ],
  },
], { basename: import.meta.env.BASE_URL.replace(/\/$/, '') });

export function App() {
  const { i18n } = useTranslation();
  const [lang, setLangState] = useState(i18n.language);
  useEffect(() => {
    const on = (l: string) => setLangState(l);
    i18n.on('languageChanged', on);
    return () => i18n.off('languageChanged', on);
  }, [i18n]);
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 6 } }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
