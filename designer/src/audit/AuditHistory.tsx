// A record's audit history: who did what when, and for each changed field its label with old → new. Values come as
// the server answers them: fields the reader may not see are left out, masked ones stay masked (never formatted
// back into something that looks real).
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Spin, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EntityDef, FieldDef } from '../api/metadata';
import { fieldLabel, formatDateTime, humanize } from '../format';
import { specOf } from '../fields/registry';
import { UserName } from '../users/UserName';
import { loadAudit, type AuditEntry } from './api';
import { USER_FIELDS } from '../users/fields';
import './audit.css';

/** Bookkeeping columns every write touches: not worth a line in the history. */
const NOISE = new Set(['row_version', 'modified_at', 'modified_by', 'created_at', 'created_by', 'id']);

export function AuditHistory({ tenant, entity, id, lang }: { tenant: string; entity: EntityDef; id: string; lang: string }) {
  const { t } = useTranslation();
  const pages = useInfiniteQuery({
    queryKey: ['audit', tenant, entity.name, id],
    queryFn: ({ pageParam, signal }) => loadAudit(tenant, entity.name, id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });
  if (pages.isPending) return <Spin />;
  if (pages.error) return <Alert type="error" showIcon title={(pages.error as Error).message} />;
  const entries = pages.data.pages.flatMap((p) => p.value);
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  return (
    <div>
      <ol className="audit" aria-label={t('audit.title')}>
        {entries.map((e) => <Entry key={e.id} entry={e} entity={entity} fields={fields} lang={lang} tenant={tenant} />)}
      </ol>
      {pages.hasNextPage && <Button type="link" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('audit.more')}</Button>}
    </div>
  );
}

function Entry({ entry, entity, fields, lang, tenant }: { entry: AuditEntry; entity: EntityDef; fields: Map<string, FieldDef>; lang: string; tenant: string }) {
  const { t } = useTranslation();
  const changes = Object.entries(entry.changes ?? {}).filter(([name]) => !NOISE.has(name) && (fields.has(name) || USER_FIELDS.has(name)));
  const actor = entry.actor_id ? <UserName id={entry.actor_id} fallback={entry.actor_name} /> : entry.actor_name || t('audit.system');
  return (
    <li className="audit-entry" data-testid="audit-entry">
      <div className="audit-head">
        <Tag color={entry.action === 'create' ? 'green' : entry.action === 'delete' || entry.action === 'erase' ? 'red' : 'blue'}>
          {t(`audit.actions.${entry.action}`, { defaultValue: humanize(entry.action) })}
        </Tag>
        <Typography.Text type="secondary">{formatDateTime(entry.occurred_at, lang)}</Typography.Text>
        <Typography.Text type="secondary">· {actor}</Typography.Text>
      </div>
      {entry.changes_withheld && <Typography.Text type="secondary" italic>{t('audit.withheld')}</Typography.Text>}
      {changes.length > 0 && (
        <table className="audit-changes">
          <thead><tr><th scope="col">{t('audit.field')}</th><th scope="col">{t('audit.from')}</th><th aria-hidden /><th scope="col">{t('audit.to')}</th></tr></thead>
          <tbody>
            {changes.map(([name, c]) => {
              const f = fields.get(name) ?? { name, type: 'text', label: USER_FIELDS.get(name) };
              const masked = entity.access?.fields?.[name] === 'masked';
              return (
                <tr key={name} data-field={name}>
                  <th scope="row">{fieldLabel(f, lang)}</th>
                  <td className="audit-old"><Value value={c?.old} field={f} masked={masked} lang={lang} tenant={tenant} /></td>
                  <td aria-hidden className="audit-arrow"><ArrowRightOutlined /></td>
                  <td className="audit-new"><Value value={c?.new} field={f} masked={masked} lang={lang} tenant={tenant} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </li>
  );
}

function Value({ value, field, masked, lang, tenant }: { value: unknown; field: FieldDef; masked: boolean; lang: string; tenant: string }) {
  if (value === null || value === undefined || value === '') return <span className="audit-empty">—</span>;
  // Masked, erased or encrypted values are text the server chose: show it as is.
  if (masked || (typeof value === 'string' && /^\[(erased|encrypted)\]$/.test(value))) return <span>{String(value)}</span>;
  if (USER_FIELDS.has(field.name) && typeof value === 'string') return <UserName id={value} />;
  if (field.type === 'lookup') return <span title={String(value)}>{String(value).slice(0, 8)}</span>;
  return <>{specOf(field).display(value, field, { lang, tenant, compact: false })}</>;
}
