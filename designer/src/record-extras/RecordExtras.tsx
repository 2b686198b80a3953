import { useCallback, useState } from 'react';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityDef, FormDoc } from '../api/metadata';
import { AuditHistory } from '../audit/AuditHistory';
import { ActivityTimeline } from '../timeline/ActivityTimeline';
import { timelineLookups } from '../timeline/group';

/**
 * Below a saved record's form: its activity timeline and its audit history, each where the form document asks for
 * it ("timeline", "auditHistory"). The timeline also needs an activity lookup to the entity. History loads when its
 * tab opens.
 */
export function RecordExtras({ tenant, entity, formDoc, id, entities, lang }: {
  tenant: string; entity: EntityDef; formDoc: FormDoc; id: string; entities: EntityDef[]; lang: string;
}) {
  const { t } = useTranslation();
  const timeline = !!formDoc.timeline && timelineLookups(entities.find((e) => e.name === 'activity'), entity.name).length > 0;
  const history = !!formDoc.auditHistory;
  const [tab, setTab] = useState(timeline ? 'timeline' : 'history');
  // Ant Design's overflow button of the tab bar has no name; give it one (as the form's tabs do).
  const moreLabel = t('form.moreTabs');
  const labelMore = useCallback((el: HTMLDivElement | null) => {
    el?.querySelectorAll('.ant-tabs-nav-more').forEach((b) => b.setAttribute('aria-label', moreLabel));
  }, [moreLabel]);
  if (!timeline && !history) return null;
  const items = [
    ...(timeline ? [{ key: 'timeline', label: t('timeline.title'), children: <ActivityTimeline tenant={tenant} entity={entity} id={id} entities={entities} lang={lang} bare /> }] : []),
    ...(history ? [{ key: 'history', label: t('audit.title'), children: tab === 'history' ? <AuditHistory tenant={tenant} entity={entity} id={id} lang={lang} /> : null }] : []),
  ];
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="record-extras" styles={{ body: { paddingTop: 0 } }}>
      <div ref={labelMore}><Tabs activeKey={tab} onChange={setTab} items={items} /></div>
    </Card>
  );
}
