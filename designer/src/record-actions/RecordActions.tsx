// A record form's extra buttons: the entity's custom actions (scripts, "actions" in its definition) and the published
// workflows it may start by hand ("Start …"). Each asks first, then says what happened.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { PlayCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { EntityDef } from '../api/metadata';
import { humanize, localeText } from '../format';
import { guardComposingEnter } from '../ime';
import { entityActions, recordActionsApi, type EntityAction, type ManualWorkflow } from './api';
import { useEntities } from '../hooks';
import { ActionOutcome, madeRecords, type MadeRecord } from './ActionOutcome';
import { availableActions } from './availability';

/**
 * `record` is the record as last loaded: actions whose availableWhen does not hold for it are not offered.
 * `onFieldProblem` is the record form's way to show a refusal at its fields (as a save's): an action refused at record
 * fields (the script's errors.add) closes its dialog and hands the problem there; errors at the action's own inputs stay
 * in the dialog, at those inputs.
 */
export function RecordActions({ tenant, entity, id, lang, record, onFieldProblem }: {
  tenant: string; entity: EntityDef; id: string; lang: string; record?: Record<string, unknown>; onFieldProblem?: (e: ProblemError) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const workflows = useQuery({
    queryKey: ['manual-workflows', tenant, entity.name], staleTime: 60_000, retry: false,
    queryFn: ({ signal }) => recordActionsApi.manualWorkflows(tenant, entity.name, signal),
  });
  const [running, setRunning] = useState<EntityAction | null>(null);
  const [outcome, setOutcome] = useState<{ name: string; made: MadeRecord[] } | null>(null);
  const entities = useEntities(tenant);
  const actions = availableActions(entityActions(entity as EntityDef & { actions?: unknown }), record);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['record', tenant, entity.name, id] }),
    queryClient.invalidateQueries({ queryKey: ['audit', tenant, entity.name, id] }),
    queryClient.invalidateQueries({ queryKey: ['inbox', tenant] }),
    queryClient.invalidateQueries({ queryKey: ['notifications', tenant] }),
  ]);
  // A script's refusal comes as field errors ("status: This lead is already converted"): show them, not only the title.
  const problemText = (e: unknown) => (e instanceof ProblemError
    ? [e.problem.detail || e.problem.title || e.message, ...(e.problem.errors ?? []).map((x) => x.detail)].filter(Boolean).join(' — ')
    : (e as Error).message);

  const start = (wf: ManualWorkflow) => {
    const name = localeText(wf.label, lang, '') || humanize(wf.id);
    modal.confirm({
      title: t('actions.confirmStart', { name }), okText: t('actions.ok'), cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          const instance = await recordActionsApi.start(tenant, wf.id, id);
          message.success(t('actions.started', { name, status: t(`actions.status.${instance.status}`, { defaultValue: instance.status }) }));
          await refresh();
        } catch (e) { message.error(`${t('actions.failed', { name })}: ${problemText(e)}`); }
      },
    });
  };

  return (
    <>
      {actions.map((a) => (
        <Button key={`a-${a.name}`} icon={<ThunderboltOutlined />} onClick={() => setRunning(a)} data-action={a.name}>
          {localeText(a.label, lang, '') || humanize(a.name)}
        </Button>
      ))}
      {(workflows.data ?? []).map((wf) => (
        <Button key={`w-${wf.id}`} icon={<PlayCircleOutlined />} onClick={() => start(wf)} data-workflow={wf.id}>
          {t('actions.start', { name: localeText(wf.label, lang, '') || humanize(wf.id) })}
        </Button>
      ))}
      {running && (
        <ActionInputModal action={running} lang={lang} onClose={() => setRunning(null)} onRun={async (input) => {
          const name = localeText(running.label, lang, '') || humanize(running.name);
          const ran = await recordActionsApi.run(tenant, entity.name, id, running.name, input);
          setRunning(null);
          // Records made: a dialog links them (and says it is done); else a toast says so.
          const made = madeRecords(ran.result, entities.data?.value ?? []);
          if (made.length) setOutcome({ name, made }); else message.success(t('actions.ran', { name }));
          await refresh();
        }} problemText={problemText} onFieldProblem={onFieldProblem && ((e) => { setRunning(null); onFieldProblem(e); })} />
      )}
      {outcome && <ActionOutcome tenant={tenant} name={outcome.name} made={outcome.made} lang={lang} onClose={() => setOutcome(null)} />}
    </>
  );
}

/** Asks for the action's inputs (the text and number properties of its input schema) and runs it. */
function ActionInputModal({ action, lang, onClose, onRun, problemText, onFieldProblem }: {
  action: EntityAction; lang: string; onClose: () => void; onRun: (input: Record<string, unknown>) => Promise<void>; problemText: (e: unknown) => string;
  onFieldProblem?: (e: ProblemError) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = localeText(action.label, lang, '') || humanize(action.name);
  const props = Object.entries(action.inputSchema?.properties ?? {}).filter(([, p]) => p.type === 'string' || p.type === 'number' || p.type === 'integer');
  const run = async () => {
    let values: Record<string, unknown>;
    try { values = await form.validateFields(); } catch { return; }
    const input: Record<string, unknown> = {};
    for (const [k, p] of props) {
      const v = values[k];
      if (v === undefined || v === '') continue;
      input[k] = p.type === 'string' ? String(v) : Number(v);
    }
    setBusy(true); setError(null);
    try { await onRun(input); } catch (e) { showProblem(e); } finally { setBusy(false); }
  };
  // Errors at an input go to that input; a refusal only at record fields goes to the record form; else the dialog says it.
  const showProblem = (e: unknown) => {
    const byField = e instanceof ProblemError ? e.fieldErrors() : {};
    const inputs = new Set(props.map(([k]) => k));
    const atInputs = Object.entries(byField).filter(([name]) => inputs.has(name));
    if (atInputs.length) {
      form.setFields(atInputs.map(([name, errors]) => ({ name, errors })));
      const rest = Object.entries(byField).filter(([name]) => !inputs.has(name)).flatMap(([name, msgs]) => msgs.map((m) => (name ? `${name}: ${m}` : m)));
      setError(rest.length ? rest.join(' — ') : null);
      return;
    }
    if (e instanceof ProblemError && onFieldProblem && Object.keys(byField).some((name) => name !== '')) { onFieldProblem(e); return; }
    setError(problemText(e));
  };
  return (
    <Modal open title={t('actions.confirmRun', { name })} okText={t('actions.run')} cancelText={t('actions.cancel')} onOk={() => void run()}
      onCancel={onClose} okButtonProps={{ loading: busy }} destroyOnHidden>
      {error && <div role="alert" style={{ color: '#cf1322', marginBottom: 8 }}>{error}</div>}
      {props.length > 0 && (
        <Form form={form} name={`action-${action.name}`} layout="vertical" onKeyDownCapture={guardComposingEnter}>
          {props.map(([k, p]) => (
            <Form.Item key={k} name={k} label={localeText(p['x-label'], lang, '') || p.title || humanize(k)} rules={action.inputSchema?.required?.includes(k) ? [{ required: true }] : undefined}>
              <Input maxLength={p.maxLength} inputMode={p.type === 'string' ? undefined : 'decimal'} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
