import { useQuery } from '@tanstack/react-query';
import type { EntityDef } from '../api/metadata';
import { recordsApi } from '../api/records';

/** The record's primary field (an inbox item that does not carry its record's title); cached per record. */
export function RecordTitle({ tenant, entity, id }: { tenant: string; entity: EntityDef; id: string }) {
  const primary = entity.primaryField;
  const title = useQuery({
    queryKey: ['record-title', tenant, entity.name, id], enabled: !!primary, staleTime: 5 * 60_000, retry: false,
    queryFn: async ({ signal }) => {
      const { value } = await recordsApi.list(tenant, entity.name, { filter: `id eq ${id}`, select: `id,${primary}`, top: 1 }, signal);
      return value[0] ? String(value[0][primary!] ?? '') : '';
    },
  });
  return title.data ? <>{title.data}</> : null;
}
