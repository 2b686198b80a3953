import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Drawer, Layout, Menu, Result, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../api/auth';
import { onUnauthorized, ProblemError } from '../api/client';
import type { EntityDef, NavGroup } from '../api/metadata';
import { entityPluralLabel, localeText } from '../format';
import { useEntities, useFieldTypes, useIsPhone, useLang, useNavigation, useTenant } from '../hooks';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserMenu } from '../components/UserMenu';
import { prefetchPage } from './prefetchRoute';
import { rememberTenant } from '../session';
import { InboxNavLink } from '../inbox/InboxNavLink';
import { NotificationBell } from '../notifications/NotificationBell';
import '../users/fieldType';

function NavMenu({ groups, entities, tenant, onNavigate }: { groups: NavGroup[]; entities: EntityDef[]; tenant: string; onNavigate?: () => void }) {
  const lang = useLang();
  const location = useLocation();
  const byName = useMemo(() => new Map(entities.map((e) => [e.name, e])), [entities]);
  const [, , first = '', second = ''] = location.pathname.split('/'); // /{tenant}/{entity}/… (the basename /app is not part of it)
  const selected = first === 'dashboards' ? `dashboards/${second}` : first;
  const item = (entity: string, label: unknown, dashboard?: string) => {
    if (dashboard) return { key: `dashboards/${dashboard}`, label: <Link to={`/${tenant}/dashboards/${dashboard}`} onClick={onNavigate}>{localeText(label as never, lang, dashboard)}</Link> };
    const def = byName.get(entity);
    const text = localeText(label as never, lang, '') || (def ? entityPluralLabel(def, lang) : entity);
    return { key: entity, label: <Link to={`/${tenant}/${entity}`} onClick={onNavigate}>{text}</Link> };
  };
  const items = groups.length === 1 && !groups[0].label
    ? groups[0].items.map((i) => item(i.entity, i.label, i.dashboard))
    : groups.map((g, n) => ({ key: `g${n}`, type: 'group' as const, label: localeText(g.label, lang, ''), children: g.items.map((i) => item(i.entity, i.label, i.dashboard)) }));
  return <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 0 }} />;
}

export function TenantShell() {
  const tenant = useTenant();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const phone = useIsPhone();
  const [drawer, setDrawer] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => prefetchPage(queryClient, location.pathname), []);

  const toLogin = useMemo(() => () => {
    const next = location.pathname + location.search;
    navigate(`/login?tenant=${encodeURIComponent(tenant)}&next=${encodeURIComponent(next)}`, { replace: true });
  }, [navigate, tenant, location.pathname, location.search]);

  useEffect(() => { onUnauthorized(() => { queryClient.removeQueries({ queryKey: ['me', tenant] }); toLogin(); }); return () => onUnauthorized(null); }, [toLogin, queryClient, tenant]);

  const me = useQuery({ queryKey: ['me', tenant], queryFn: () => authApi.me(tenant), staleTime: 60_000, retry: false });
  const entities = useEntities(tenant);
  const nav = useNavigation(tenant, entities.data?.value);
  const fieldTypes = useFieldTypes(tenant);

  useEffect(() => {
    if (me.error instanceof ProblemError && (me.error.status === 401 || me.error.status === 403 || me.error.status === 404)) toLogin();
  }, [me.error, toLogin]);
  useEffect(() => { if (me.data) rememberTenant(tenant); }, [me.data, tenant]);

  if (me.isPending || (me.data && (entities.isPending || fieldTypes.isPending))) return <div style={{ padding: 48, textAlign: 'center' }} role="status"><Spin /></div>;
  if (me.error || !me.data) {
    if (me.error instanceof ProblemError && [401, 403, 404].includes(me.error.status)) return null;
    return <Result status="error" title={t('app.error')} subTitle={(me.error as Error)?.message} extra={<Button onClick={() => void me.refetch()}>{t('app.retry')}</Button>} />;
  }

  const user = me.data.display_name || me.data.user_name || '';
  const signOut = async () => {
    try { await authApi.logout(tenant); } catch { /* already ended */ }
    queryClient.clear();
    navigate(`/login?tenant=${encodeURIComponent(tenant)}`, { replace: true });
  };
  const menu = entities.data && nav.data
    ? <><InboxNavLink tenant={tenant} onNavigate={() => setDrawer(false)} /><NavMenu groups={nav.data} entities={entities.data.value} tenant={tenant} onNavigate={() => setDrawer(false)} /></>
    : entities.error ? <Alert type="error" message={(entities.error as Error).message} /> : <Spin style={{ margin: 24 }} />;

  // AntApp (message, modal) lives here, not in the entry chunk: the sign-in page does not need it.
  return (
    <AntApp style={{ height: '100%' }}>
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: phone ? 12 : 24, background: '#fff', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
        {phone && <Button aria-label={t('nav.menu')} style={{ flex: 'none' }} onClick={() => setDrawer(true)}>☰</Button>}
        <Link to={`/${tenant}`} style={{ fontWeight: 600, fontSize: 16, color: 'inherit', whiteSpace: 'nowrap', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('app.name')}</Link>
        <div style={{ flex: 1 }} />
        <Space size={phone ? 4 : 16} style={{ flex: 'none' }}>
          <LanguageSwitch />
          <NotificationBell tenant={tenant} />
          <UserMenu user={user} phone={phone} onSignOut={() => void signOut()} />
        </Space>
      </Layout.Header>
      <Layout>
        {!phone && (
          <Layout.Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <nav aria-label={t('nav.menu')}>{menu}</nav>
          </Layout.Sider>
        )}
        {phone && (
          <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('nav.menu')}>
            <nav aria-label={t('nav.menu')}>{menu}</nav>
          </Drawer>
        )}
        <Layout.Content style={{ padding: phone ? 8 : 20, minWidth: 0 }}>
          <main><Outlet context={{ entities: entities.data?.value ?? [], user: me.data }} /></main>
        </Layout.Content>
      </Layout>
    </Layout>
    </AntApp>
  );
}
