import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserName } from '../users/UserName';

const id = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' ? ((v as { id?: string }).id ?? null) : null);

/** Owner, created by and modified by as names (one batched /users/names request for the page), not ids. */
export function RecordPeople({ record }: { record: Record<string, unknown> }) {
  const { t } = useTranslation();
  const people = [
    ['people.owner', id(record.owner ?? record.owner_id)],
    ['people.createdBy', id(record.created_by)],
    ['people.modifiedBy', id(record.modified_by)],
  ].filter(([, v]) => v) as [string, string][];
  if (!people.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'flex', flexWrap: 'wrap', gap: '0 16px' }} data-testid="record-people">
      {people.map(([label, user]) => <span key={label}>{t(label)}: <UserName id={user} /></span>)}
    </Typography.Text>
  );
}
