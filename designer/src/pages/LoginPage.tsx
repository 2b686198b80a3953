import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi, loadConfig } from '../api/auth';
import { ProblemError } from '../api/client';
import { guardComposingEnter } from '../ime';
import { lastTenant, rememberTenant } from '../session';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface Values { tenant: string; username: string; password: string }

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const fromUrl = params.get('tenant');
    if (fromUrl) { form.setFieldValue('tenant', fromUrl); return; }
    const last = lastTenant();
    if (last) { form.setFieldValue('tenant', last); return; }
    void loadConfig().then((c) => { if (c.demoTenant && !form.getFieldValue('tenant')) form.setFieldValue('tenant', c.demoTenant); });
  }, [params, form]);

  const submit = async (v: Values) => {
    setBusy(true); setError(null);
    try {
      const tenant = v.tenant.trim();
      const user = await authApi.login(tenant, v.username.trim(), v.password);
      rememberTenant(tenant);
      queryClient.setQueryData(['me', tenant], user);
      const next = params.get('next');
      navigate(next && next.startsWith(`/${tenant}`) ? next : `/${tenant}`, { replace: true });
    } catch (e) {
      setError(e instanceof ProblemError && e.status === 401 ? t('auth.refused') : (e as Error).message);
    } finally { setBusy(false); }
  };

  const rule = (field: string) => [{ required: true, whitespace: true, message: t('auth.required', { field }) }];
  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f7fa', padding: 16 }}>
      <main style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}><LanguageSwitch /></div>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>{t('app.name')}</Typography.Title>
          <Typography.Title level={4} style={{ marginTop: 0, fontWeight: 400 }}>{t('auth.title')}</Typography.Title>
          {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} onKeyDownCapture={guardComposingEnter}>
            <Form.Item name="tenant" label={t('auth.tenant')} rules={rule(t('auth.tenant'))}>
              <Input autoComplete="organization" autoCapitalize="off" />
            </Form.Item>
            <Form.Item name="username" label={t('auth.username')} rules={rule(t('auth.username'))}>
              <Input autoComplete="username" autoCapitalize="off" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{t('auth.submit')}</Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
