import { useQuery } from '@tanstack/react-query';
import type { EntityDef } from '../api/metadata';
import { savedViewsApi } from './savedViews';

/** The entity's shared views and the caller's personal ones (the default first). */
export function useSavedViews(tenant: string, entity: EntityDef | undefined) {
  return useQuery({ ...savedViewsQuery(tenant, entity), select: (d) => d.views });
}

/** The query of {@link useSavedViews} (views and whether the caller may save shared ones), also for prefetching. */
export function savedViewsQuery(tenant: string, entity: EntityDef | undefined) {
  return { queryKey: ['saved-views', tenant, entity?.name], queryFn: () => savedViewsApi.list(tenant, entity!), enabled: !!entity, staleTime: 60_000 };
}

/**
 * Whether the caller may save over (or reset) the entity's shared views: the host says so with the list (it is who
 * refuses everyone else with 403), so a custom role that administers the tenant is offered it too.
 */
export function useMaySaveShared(tenant: string, entity: EntityDef | undefined): boolean {
  return useQuery({ ...savedViewsQuery(tenant, entity), select: (d) => d.maySaveShared }).data ?? false;
}
