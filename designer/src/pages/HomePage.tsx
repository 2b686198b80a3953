import { Navigate } from 'react-router';
import { Spin } from 'antd';
import { useEntities, useNavigation, useTenant } from '../hooks';

/** The tenant's start page: the first entity of its navigation (an entity's list or a dashboard). */
export default function HomePage() {
  const tenant = useTenant();
  const entities = useEntities(tenant);
  const nav = useNavigation(tenant, entities.data?.value);
  const first = nav.data?.flatMap((g) => g.items)[0];
  if (first) return <Navigate to={`/${tenant}/${first.dashboard ? `dashboards/${first.dashboard}` : first.entity}`} replace />;
  return <Spin />;
}
