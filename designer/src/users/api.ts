import { get, query } from '../api/client';

export interface UserName { id: string; display_name: string }

/** GET /users/names: id and display name only, for any signed-in user of the tenant. */
export const userNamesApi = {
  byIds: (tenant: string, ids: string[]) => get<{ value: UserName[] }>(tenant, `/users/names${query({ ids: ids.join(',') })}`).then((r) => r.value),
  search: (tenant: string, text: string) => get<{ value: UserName[] }>(tenant, `/users/names${query({ search: text || ' ' })}`).then((r) => r.value),
};
