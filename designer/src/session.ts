// Remembers the last tenant signed in to, so / and the sign-in page know where to go.
const KEY = 'platform.tenant';
export function lastTenant(): string | null { try { return localStorage.getItem(KEY); } catch { return null; } }
export function rememberTenant(t: string) { try { localStorage.setItem(KEY, t); } catch { /* blocked */ } }
