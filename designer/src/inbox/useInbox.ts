import { useQuery } from '@tanstack/react-query';
import { inboxApi } from './api';

/** The signed-in user's inbox, shared by the page and the navigation badge; refetched on focus and every minute. */
export function useInbox(tenant: string) {
  return useQuery({
    queryKey: ['inbox', tenant], queryFn: ({ signal }) => inboxApi.list(tenant, signal),
    refetchInterval: 60_000, refetchOnWindowFocus: true, staleTime: 10_000, retry: false,
  });
}
