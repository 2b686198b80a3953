// The page a tenant address will show, fetched while the shell still waits for who the user is and the entities:
// otherwise its chunk is requested only once the shell renders, one more round trip before the page's own requests.
import type { QueryClient } from '@tanstack/react-query';
import { entityDefQuery } from '../hooks';
import { savedViewsQuery } from '../views/useSavedViews';

const SHELL_ROUTES = new Set(['inbox', 'dashboards']);

/** The page of a router path: /{tenant}/{entity} is a list, /{tenant}/{entity}/{id|new} a record. */
export function pageOf(path: string): 'list' | 'record' | null {
  const [tenant, entity, id, ...rest] = path.split('/').filter(Boolean);
  if (!tenant || !entity || SHELL_ROUTES.has(entity) || rest.length) return null;
  return id ? 'record' : 'list';
}

/**
 * Starts what the page of the path will ask for: its chunk and, for a list, the entity's definition and then its
 * views (the list's own request needs the view's columns and sort), alongside the shell's own requests.
 */
export function prefetchPage(client: QueryClient, path: string): void {
  const page = pageOf(path);
  if (page === 'record') { void import('./RecordPage'); return; }
  if (page !== 'list') return;
  void import('./ListPage');
  const [tenant, entity] = path.split('/').filter(Boolean);
  void client.fetchQuery(entityDefQuery(client, tenant, entity))
    .then((def) => client.prefetchQuery({ ...savedViewsQuery(tenant, def) }))
    .catch(() => { /* the page asks again and shows the error */ });
}
