import { useTenant } from '../hooks';
import { useUserName } from './names';

/** A user id shown as the user's display name; the short id until it is known (a deleted user stays an id). */
export function UserName({ id, fallback }: { id: string | null | undefined; fallback?: string | null }) {
  const tenant = useTenant();
  const name = useUserName(tenant, id);
  if (!id) return <>{fallback ?? '—'}</>;
  return <span data-testid="user-name" title={name ? undefined : id}>{name ?? fallback ?? id.slice(0, 8)}</span>;
}
