import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import { guardComposingEnter, isComposing } from '../ime';
import { UserPicker } from '../users/UserPicker';
import type { ActionInput, ApprovalAction, InboxItem } from './api';

/** The label key of each action (shared by buttons, menu entries and the modal's title). */
export const actionLabel: Record<ApprovalAction, string> = {
  approve: 'inbox.approve', reject: 'inbox.reject', return: 'inbox.return', transfer: 'inbox.transfer',
  'add-approver': 'inbox.addApprover', withdraw: 'inbox.withdraw',
};

/** Rejecting or returning tells the submitter why: the comment is required there. */
export const commentRequired = (action: ApprovalAction) => action === 'reject' || action === 'return';
const needsUser = (action: ApprovalAction) => action === 'transfer' || action === 'add-approver';

/**
 * Confirms one approval action with a comment (and a user for transfer / add approver). Ctrl+Enter confirms; a plain
 * Enter is a new line in the comment, and Enter while an input method is composing never confirms.
 */
export function ActionModal({ tenant, item, action, me, onClose, onSubmit }: {
  tenant: string; item: InboxItem; action: ApprovalAction; me?: string; onClose: () => void; onSubmit: (input: ActionInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = t(actionLabel[action]);

  const submit = async () => {
    if (busy) return;
    let values: ActionInput;
    try { values = await form.validateFields(); } catch { return; }
    setBusy(true); setError(null);
    try { await onSubmit(values); } catch (e) {
      setError(e instanceof ProblemError ? e.problem.detail || e.problem.title || e.message : (e as Error).message);
    } finally { setBusy(false); }
  };

  return (
    <Modal open title={t('inbox.titleFor', { action: label, subject: item.subject })} okText={label} cancelText={t('inbox.cancel')}
      okButtonProps={{ danger: action === 'reject' || action === 'withdraw', loading: busy }}
      onOk={() => void submit()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ position: 'after' }}
        onKeyDown={(e) => {
          if (isComposing(e)) { guardComposingEnter(e); return; }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void submit(); }
        }}>
        {needsUser(action) && (
          <Form.Item name="userId" label={t('inbox.user')} rules={[{ required: true, message: t('inbox.userRequired') }]}>
            <UserPicker tenant={tenant} exclude={me ? [me] : undefined} />
          </Form.Item>
        )}
        {action === 'add-approver' && (
          <Form.Item name="position" label={t('inbox.position')}>
            <Radio.Group options={[{ value: 'before', label: t('inbox.before') }, { value: 'after', label: t('inbox.after') }]} />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('inbox.comment')}
          rules={commentRequired(action) ? [{ required: true, whitespace: true, message: t('inbox.commentRequired', { action: label }) }] : undefined}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
