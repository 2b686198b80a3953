// A record's activity timeline (calls, emails, meetings, notes that link to it), newest first and grouped by day,
// with "Log activity" inline: the new activity links to this record. Shown where the form document asks for it
// ("timeline": true) and the activity entity has a lookup to the form's entity.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { FileTextOutlined, MailOutlined, PhoneOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { EntityDef } from '../api/metadata';
import { recordsApi } from '../api/records';
import { fieldLabel, formatDate, formatDateTime, localeText } from '../format';
import { guardComposingEnter } from '../ime';
import { ACTIVITY_KINDS, groupByDay, timelineLookups, type TimelineEntry } from './group';
import './timeline.css';

const ACTIVITY = 'activity';
const PAGE = 20;
const ICONS: Record<string, React.ReactNode> = { call: <PhoneOutlined />, email: <MailOutlined />, meeting: <TeamOutlined />, note: <FileTextOutlined /> };

/** bare: inside the form's Activity / History tabs (no card of its own; the tab names it). */
export function ActivityTimeline({ tenant, entity, id, entities, lang, bare }: { tenant: string; entity: EntityDef; id: string; entities: EntityDef[]; lang: string; bare?: boolean }) {
  const { t } = useTranslation();
  const activity = entities.find((e) => e.name === ACTIVITY);
  const lookups = useMemo(() => timelineLookups(activity, entity.name), [activity, entity.name]);
  const [top, setTop] = useState(PAGE);
  const [logging, setLogging] = useState(false);
  const key = ['timeline', tenant, entity.name, id, top];
  const list = useQuery({
    queryKey: key, enabled: lookups.length > 0,
    queryFn: ({ signal }) => recordsApi.list(tenant, ACTIVITY, {
      filter: lookups.map((l) => `${l} eq ${id}`).join(' or '), orderby: 'occurred_at desc', top,
      select: 'id,subject,kind,occurred_at,body',
    }, signal),
  });
  if (!activity || lookups.length === 0) return null;
  const field = (name: string) => activity.fields.find((f) => f.name === name);
  const kindText = (k: string) => localeText(field('kind')?.options?.find((o) => o.value === k)?.label, lang, '') || t(`timeline.kinds.${k}`, { defaultValue: k });
  const entries: TimelineEntry[] = (list.data?.value ?? []).map((r) => ({
    id: String(r.id), subject: String(r.subject ?? ''), kind: String(r.kind ?? 'note'), occurredAt: String(r.occurred_at ?? r.created_at ?? ''), body: r.body as string | null,
  }));
  const days = groupByDay(entries);
  const canCreate = activity.access?.privileges?.create !== 'none';
  const total = list.data?.count ?? entries.length;

  const logButton = canCreate && !logging && <Button size="small" icon={<PlusOutlined />} onClick={() => setLogging(true)}>{t('timeline.log')}</Button>;
  const content = (
    <>
      {logging && (
        <LogActivity tenant={tenant} activity={activity} lookup={lookups[0]} id={id} lang={lang} kindText={kindText}
          onDone={() => setLogging(false)} />
      )}
      {list.error && <Alert type="error" showIcon title={(list.error as Error).message} />}
      {list.data && entries.length === 0 && !logging && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />}
      <ol className="timeline" aria-label={t('timeline.title')}>
        {days.map((d) => (
          <li key={d.day} className="timeline-day">
            <div className="timeline-day-label">{d.label === 'date' ? formatDate(d.day, lang) : t(`timeline.${d.label}`)}</div>
            <ol>
              {d.entries.map((e) => (
                <li key={e.id} className={`timeline-entry kind-${e.kind}`} data-testid="timeline-entry">
                  <span className="timeline-icon" role="img" aria-label={kindText(e.kind)} title={kindText(e.kind)}>{ICONS[e.kind] ?? ICONS.note}</span>
                  <div className="timeline-body">
                    <div className="timeline-head">
                      <Link to={`/${tenant}/${ACTIVITY}/${e.id}`} className="timeline-subject">{e.subject}</Link>
                      <Typography.Text type="secondary" className="timeline-time">{kindText(e.kind)} · {formatDateTime(e.occurredAt, lang)}</Typography.Text>
                    </div>
                    {e.body && <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} className="timeline-text">{e.body}</Typography.Paragraph>}
                  </div>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {total > entries.length && <Button type="link" onClick={() => setTop((n) => n + PAGE)}>{t('timeline.more')}</Button>}
    </>
  );
  if (bare) {
    return (
      <div data-testid="activity-timeline">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8, minHeight: 24 }}>
          <Typography.Text type="secondary">{list.data ? `${t('timeline.title')} (${total})` : null}</Typography.Text>
          {logButton}
        </div>
        {content}
      </div>
    );
  }
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="activity-timeline" extra={logButton}
      title={<span>{t('timeline.title')}{list.data ? <Typography.Text type="secondary"> ({total})</Typography.Text> : null}</span>}>
      {content}
    </Card>
  );
}

interface LogValues { subject: string; kind: string; occurred_at: Dayjs; body?: string }

function LogActivity({ tenant, activity, lookup, id, lang, kindText, onDone }: {
  tenant: string; activity: EntityDef; lookup: string; id: string; lang: string; kindText: (k: string) => string; onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LogValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = (name: string, fallback: string) => { const f = activity.fields.find((x) => x.name === name); return f ? fieldLabel(f, lang) : t(fallback); };
  const kinds = activity.fields.find((f) => f.name === 'kind')?.options?.map((o) => o.value) ?? ACTIVITY_KINDS;

  const save = async (v: LogValues) => {
    if (busy) return;
    setBusy(true); setError(null);
    try {
      await recordsApi.create(tenant, ACTIVITY, { subject: v.subject.trim(), kind: v.kind, occurred_at: v.occurred_at.toISOString(), body: v.body?.trim() || undefined, [lookup]: id });
      message.success(t('timeline.logged'));
      // The timeline and any related list of activities on the form.
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['timeline', tenant] }), queryClient.invalidateQueries({ queryKey: ['related', tenant] })]);
      onDone();
    } catch (e) {
      setError(e instanceof ProblemError ? [e.problem.detail ?? e.message, ...(e.problem.errors ?? []).map((x) => `${x.pointer}: ${x.detail}`)].join(' ') : (e as Error).message);
    } finally { setBusy(false); }
  };

  return (
    <Form form={form} name="log-activity" layout="vertical" className="timeline-log" onFinish={(v) => void save(v)}
      initialValues={{ kind: 'note', occurred_at: dayjs() }} onKeyDownCapture={guardComposingEnter}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />}
      <div className="timeline-log-row">
        <Form.Item name="kind" label={label('kind', 'timeline.kind')} rules={[{ required: true }]} className="timeline-log-kind">
          <Select options={kinds.map((k) => ({ value: k, label: kindText(k) }))} />
        </Form.Item>
        <Form.Item name="subject" label={label('subject', 'timeline.subject')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: label('subject', 'timeline.subject') }) }]} style={{ flex: 1, minWidth: 180 }}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="occurred_at" label={label('occurred_at', 'timeline.when')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
        </Form.Item>
      </div>
      <Form.Item name="body" label={label('body', 'timeline.body')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>{t('timeline.save')}</Button>
        <Button onClick={onDone}>{t('timeline.cancel')}</Button>
      </Space>
    </Form>
  );
}
