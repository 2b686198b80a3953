import { request } from './client';

export interface CurrentUser {
  id: string; user_name: string; display_name?: string | null; email?: string | null; roles?: string[];
  /** The user administers the tenant (the admin routes answer them): what shows the administrators' screens. */
  administrator?: boolean;
}

export const authApi = {
  login: (tenant: string, username: string, password: string) =>
    request<CurrentUser>(tenant, '/auth/login', { method: 'POST', body: { username, password }, quiet401: true }).then((r) => r.data),
  me: (tenant: string) => request<CurrentUser>(tenant, '/auth/me', { quiet401: true }).then((r) => r.data),
  logout: (tenant: string) => request<void>(tenant, '/auth/logout', { method: 'POST', quiet401: true }).then(() => undefined),
};

export interface AppConfig { demoTenant?: string | null }

export async function loadConfig(): Promise<AppConfig> {
  try {
    const r = await fetch(`${import.meta.env.BASE_URL}config.json`, { headers: { Accept: 'application/json' } });
    return r.ok ? ((await r.json()) as AppConfig) : {};
  } catch { return {}; }
}
