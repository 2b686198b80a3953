// What a custom action made: a script that answers record ids keyed by entity name ({account, contact, opportunity},
// as the lead's "convert" does) gets a dialog with a link to each new record and a button to open the last one, so
// the user goes on with the mouse instead of hunting the records in their lists.
import { useQueries } from '@tanstack/react-query';
import { Button, List, Modal } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EntityDef } from '../api/metadata';
import { recordsApi } from '../api/records';
import { entityLabel } from '../format';
import '../leadwalk/messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MadeRecord { entity: EntityDef; id: string }

/** The records an action's result names: properties named after an entity whose value is a record id. */
export function madeRecords(result: unknown, entities: EntityDef[]): MadeRecord[] {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return [];
  const byName = new Map(entities.map((e) => [e.name, e]));
  return Object.entries(result as Record<string, unknown>).flatMap(([k, v]) => {
    const entity = byName.get(k);
    return entity && typeof v === 'string' && UUID.test(v) ? [{ entity, id: v }] : [];
  });
}

export function ActionOutcome({ tenant, name, made, lang, onClose }: { tenant: string; name: string; made: MadeRecord[]; lang: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useQueries({
    queries: made.map((m) => ({
      queryKey: ['record-name', tenant, m.entity.name, m.id], staleTime: 60_000, retry: false,
      queryFn: ({ signal }: { signal: AbortSignal }) => recordsApi.get(tenant, m.entity.name, m.id, undefined, signal)
        .then((r) => String(r.record[m.entity.primaryField ?? 'id'] ?? m.id)),
    })),
  });
  const href = (m: MadeRecord) => `/${tenant}/${m.entity.name}/${m.id}`;
  const last = made[made.length - 1];
  return (
    <Modal open title={t('outcome.title', { name })} onCancel={onClose} destroyOnHidden data-testid="action-outcome"
      footer={[
        <Button key="stay" onClick={onClose}>{t('outcome.stay')}</Button>,
        <Button key="open" type="primary" onClick={() => { onClose(); navigate(href(last)); }}>{t('outcome.open', { entity: entityLabel(last.entity, lang) })}</Button>,
      ]}>
      <p>{t('outcome.made')}</p>
      <List size="small" bordered dataSource={made.map((m, i) => ({ m, label: names[i]?.data ?? '…' }))}
        renderItem={({ m, label }) => (
          <List.Item>
            <Link to={href(m)} onClick={onClose}>{t('outcome.record', { entity: entityLabel(m.entity, lang), name: label })}</Link>
          </List.Item>
        )} />
    </Modal>
  );
}
