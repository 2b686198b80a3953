import { useQuery } from '@tanstack/react-query';
import { userNamesApi } from './api';

/**
 * Batches user-name lookups: every id asked for in the same tick goes out in one GET /users/names?ids=… (at most 100
 * a request), so a page of rows costs one request, not one per row. React Query caches each answer per id.
 */
export function createNameBatcher(fetchNames: (tenant: string, ids: string[]) => Promise<{ id: string; display_name: string }[]>) {
  const pending = new Map<string, Map<string, ((name: string | null) => void)[]>>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const batches = [...pending.entries()];
    pending.clear();
    for (const [tenant, waiting] of batches) {
      const ids = [...waiting.keys()];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        fetchNames(tenant, chunk).then((found) => {
          const byId = new Map(found.map((u) => [u.id.toLowerCase(), u.display_name]));
          for (const id of chunk) for (const done of waiting.get(id) ?? []) done(byId.get(id.toLowerCase()) ?? null);
        }, () => { for (const id of chunk) for (const done of waiting.get(id) ?? []) done(null); });
      }
    }
  };

  return (tenant: string, id: string): Promise<string | null> => new Promise((resolve) => {
    let waiting = pending.get(tenant);
    if (!waiting) pending.set(tenant, (waiting = new Map()));
    const list = waiting.get(id) ?? [];
    list.push(resolve);
    waiting.set(id, list);
    timer ??= setTimeout(flush, 0);
  });
}

const loadName = createNameBatcher(userNamesApi.byIds);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user's display name (null while loading or unknown). */
export function useUserName(tenant: string, id: string | null | undefined): string | null {
  const q = useQuery({
    queryKey: ['user-name', tenant, id], queryFn: () => loadName(tenant, id!), staleTime: 10 * 60_000,
    enabled: !!id && GUID.test(id),
  });
  return q.data ?? null;
}
