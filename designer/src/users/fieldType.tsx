// The "user" field type: a user id (owner) shown as the user's display name, from the batched /users/names.
import { Input } from 'antd';
import { registry } from '../fields/registry';
import { UserName } from './UserName';

registry.user = {
  display: (v) => (typeof v === 'string' && v ? <UserName id={v} /> : <span aria-label="—" style={{ color: 'var(--ant-color-text-quaternary, #bbb)' }}>—</span>),
  Input: (p) => <Input id={p.id} readOnly variant="filled" value={typeof p.value === 'string' ? p.value : ''} aria-label={p['aria-label']} />,
  readOnly: true,
  filterKind: 'none',
  searchable: false,
};
