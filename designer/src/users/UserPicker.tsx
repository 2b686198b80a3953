import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { userNamesApi } from './api';

/** Picks an active user of the tenant by name (server-side search of /users/names). */
export function UserPicker({ tenant, id, value, onChange, exclude }: {
  tenant: string; id?: string; value?: string; onChange?: (v: string) => void; exclude?: string[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const users = useQuery({ queryKey: ['user-search', tenant, text], queryFn: () => userNamesApi.search(tenant, text), staleTime: 30_000 });
  const options = (users.data ?? []).filter((u) => !exclude?.includes(u.id)).map((u) => ({ value: u.id, label: u.display_name }));
  return (
    <Select id={id} showSearch={{ filterOption: false, onSearch: setText }} value={value} onChange={onChange} options={options}
      loading={users.isFetching} placeholder={t('inbox.userSearch')} style={{ width: '100%' }} />
  );
}
