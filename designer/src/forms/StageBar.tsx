// The stage bar above a record's form (a sales path): the stages of a choice field in order, the current one
// highlighted with its key fields, "Next stage" and a click on a later stage to move on. Moving on with a key field
// of the current stage empty is refused here, naming the field and putting the cursor in it; the host's beforeSave
// script refuses it too. Edits not yet saved go along with the move (one save), so filling the named field and
// clicking the stage again is all it takes. A closed stage (won, lost) says so above the form.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Steps } from 'antd';
import { ArrowRightOutlined, CloseCircleOutlined, TrophyOutlined } from '@ant-design/icons';
import { ProblemError } from '../api/client';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../api/records';
import type { EntityDef, FieldDef } from '../api/metadata';
import { fieldLabel, localeText } from '../format';
import { specOf } from '../fields/registry';
import { refusalReason } from '../kanban/board';
import { missingForMove, nextStage, stagesOf, type StageBarDoc } from './stageBar';
import '../views/messages';
import '../leadwalk/messages';

export interface StageBarProps {
  tenant: string; entity: EntityDef; bar: StageBarDoc; record: Record<string, unknown>; etag: string | null;
  lang: string; dirty: boolean; disabled: boolean; onMoved: () => Promise<unknown>;
  /** The form's values as edited (the move checks them, not only what is saved). */
  values?: Record<string, unknown>;
  /** Saves the form's edits together with `extra` (the new stage); false when the form refused (errors shown there). */
  saveWith?: (extra: Record<string, unknown>) => Promise<boolean>;
  /** Shows a field of the form with the refusal under it and puts the cursor in it (the missing key field). */
  onShowField?: (name: string, why: string) => void;
}

/** The stages that close the record, with how each is shown. */
const CLOSED: Record<string, 'won' | 'lost'> = { won: 'won', lost: 'lost' };

export function StageBar({ tenant, entity, bar, record, etag, lang, dirty, disabled, onMoved, values, saveWith, onShowField }: StageBarProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const steps = useRef<HTMLDivElement>(null);
  const stage = record[bar.field];
  // On a narrow screen the steps scroll sideways: keep the current one in view.
  useEffect(() => {
    const box = steps.current;
    const item = box?.querySelector<HTMLElement>('.ant-steps-item-active');
    if (box && item) box.scrollLeft = Math.max(0, item.offsetLeft - (box.clientWidth - item.offsetWidth) / 2);
  }, [stage]);
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const field = fields.get(bar.field);
  if (!field?.options?.length) return null;
  const stages = stagesOf(bar, field);
  const current = stages.findIndex((s) => s.value === record[bar.field]);
  const next = nextStage(bar, field, record[bar.field]);
  const label = (value: string) => localeText(field.options!.find((o) => o.value === value)?.label, lang, value);
  const nameOf = (n: string) => (fields.get(n) ? fieldLabel(fields.get(n)!, lang) : n);
  const keyFields = (stages[current]?.fields ?? []).map((n) => fields.get(n)).filter((f): f is FieldDef => !!f && entity.access?.fields?.[f.name] !== 'hidden');
  const ctx = { lang, compact: true, lookupHref: (target: string, id: string) => `${import.meta.env.BASE_URL}${tenant}/${target}/${id}` };

  const move = async (to: string) => {
    setRefusal(null);
    if (dirty && !saveWith) { setRefusal(t('stage.unsaved')); return; }
    const missing = missingForMove(bar, field, dirty && values ? { ...record, ...values } : record, to);
    if (missing.length) {
      const why = t('stage.missing', { fields: missing.map(nameOf).join(lang === 'zh-CN' ? '、' : ', '), stage: label(to) });
      setRefusal(why);
      onShowField?.(missing[0], why);
      return;
    }
    setBusy(true);
    try {
      if (dirty && saveWith) {
        if (!(await saveWith({ [bar.field]: to }))) return;
      } else {
        await recordsApi.update(tenant, entity.name, String(record.id), { [bar.field]: to }, etag);
        await onMoved();
      }
      message.success(t('stage.moved', { stage: label(to) }));
    } catch (e) {
      const why = refusalReason(e, nameOf, t);
      setRefusal(why);
      const first = e instanceof ProblemError ? Object.keys(e.fieldErrors()).find((n) => fields.has(n)) : undefined;
      if (first) onShowField?.(first, why);
    } finally { setBusy(false); }
  };
  const closed = CLOSED[String(record[bar.field] ?? '')];


  return (
    <section aria-label={t('stage.bar')} data-testid="stage-bar" style={{ margin: '0 0 12px', padding: '12px', border: '1px solid var(--ant-color-border-secondary, #f0f0f0)', borderRadius: 8 }}>
      <div ref={steps} style={{ overflowX: 'auto' }}>
        <Steps size="small" current={current} responsive={false} style={{ minWidth: stages.length * 120 }}
          onChange={disabled || busy ? undefined : (i) => { if (i !== current) void move(stages[i].value); }}
          items={stages.map((s, i) => ({
            title: label(s.value),
            status: i < current ? 'finish' : i === current ? (closed === 'won' ? 'finish' : closed === 'lost' ? 'error' : 'process') : 'wait',
            'aria-current': i === current ? 'step' : undefined,
          }))} />
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px 24px', marginTop: 12 }}>
        {keyFields.length > 0 && (
          <dl aria-label={t('stage.keyFields')} style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 24px', margin: 0, marginInlineEnd: 'auto' }}>
            {keyFields.map((f) => (
              <div key={f.name}>
                <dt style={{ fontSize: 12, color: 'var(--ant-color-text-secondary, #888)' }}>{fieldLabel(f, lang)}</dt>
                <dd style={{ margin: 0, fontWeight: 500 }}>{record[f.name] === null || record[f.name] === undefined || record[f.name] === '' ? '—' : specOf(f).display(record[f.name], f, ctx)}</dd>
              </div>
            ))}
          </dl>
        )}
        {next && (
          <Button type="primary" ghost icon={<ArrowRightOutlined />} loading={busy} disabled={disabled} style={{ marginInlineStart: 'auto' }}
            onClick={() => void move(next)} title={t('stage.moveTo', { stage: label(next) })}>
            {t('stage.next')}
          </Button>
        )}
      </div>
      {closed && (
        <Alert type={closed === 'won' ? 'success' : 'warning'} showIcon icon={closed === 'won' ? <TrophyOutlined /> : <CloseCircleOutlined />}
          data-testid="stage-closed" data-outcome={closed} role="status" style={{ marginTop: 12 }}
          title={t(`stageOutcome.${closed}`)} description={t('stageOutcome.wonHint', { stage: label(String(record[bar.field])) })} />
      )}
      {refusal && <Alert type="error" showIcon role="alert" data-testid="stage-refusal" title={refusal} style={{ marginTop: 12 }} />}
    </section>
  );
}
