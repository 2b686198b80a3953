import { useQuery } from '@tanstack/react-query';
import type { EntityDef } from '../api/metadata';
import { authApi } from '../api/auth';
import { savedViewsApi } from './savedViews';

/** The entity's shared views and the caller's personal ones (the default first). */
export function useSavedViews(tenant: string, entity: EntityDef | undefined) {
  return useQuery({ ...savedViewsQuery(tenant, entity), enabled: !!entity });
}

/** The query of {@link useSavedViews}, also for prefetching. */
export function savedViewsQuery(tenant: string, entity: EntityDef | undefined) {
  return { queryKey: ['saved-views', tenant, entity?.name], queryFn: () => savedViewsApi.list(tenant, entity!), staleTime: 60_000 };
}

/**
 * Whether the caller may save over shared views: the built-in administrator role. (A custom role that administers
 * the tenant is refused nothing either: the host decides, and answers 403 to anyone else.)
 */
export function useMaySaveShared(tenant: string): boolean {
  const me = useQuery({ queryKey: ['me', tenant], queryFn: () => authApi.me(tenant), staleTime: 60_000, retry: false });
  return !!me.data?.roles?.includes('admin');
}
