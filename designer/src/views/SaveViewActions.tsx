// What the list offers while its view is modified: save as a personal view (named in a dialog), save over the
// shared view (administrators; refused with 412 when someone else saved it meanwhile), or reset.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { LocaleText, ViewDoc } from '../api/metadata';
import { savedViewsApi, type SavedViewBody } from './savedViews';
import { viewHref } from './viewState';
import { localeText } from '../format';
import { useLang } from '../hooks';
import './messages';
import '../leadwalk/messages';

export interface SaveViewActionsProps {
  tenant: string; entity: string; view: ViewDoc; board: boolean; maySaveShared: boolean;
  body: (label: LocaleText) => SavedViewBody; onReset: () => void;
}

export function SaveViewActions({ tenant, entity, view, board, maySaveShared, body, onReset }: SaveViewActionsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const lang = useLang();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['saved-views', tenant, entity] });

  const savePersonal = async () => {
    if (!name.trim()) return;
    setBusy(true);
    try {
      const saved = await savedViewsApi.createPersonal(tenant, entity, body(name.trim()));
      await refresh();
      setNaming(false);
      message.success(t('views.personalSaved', { name: name.trim() }));
      navigate(viewHref(tenant, entity, saved.id, board));
    } catch (e) { message.error((e as Error).message); } finally { setBusy(false); }
  };

  const updatePersonal = async () => {
    setBusy(true);
    try {
      await savedViewsApi.replacePersonal(tenant, entity, view.id!, view.etag, body(view.name ?? view.id!));
      await refresh();
      message.success(t('views.personalSaved', { name: localeText(view.name, lang, view.id ?? '') }));
      navigate(viewHref(tenant, entity, view.id, board));
    } catch (e) { message.error((e as Error).message); } finally { setBusy(false); }
  };

  const saveShared = async () => {
    setBusy(true);
    try {
      await savedViewsApi.replaceShared(tenant, entity, view.id!, view.etag ?? '"0"', body(view.name ?? view.id ?? entity));
      await refresh();
      message.success(t('views.sharedSaved'));
      navigate(viewHref(tenant, entity, view.id, board));
    } catch (e) {
      if (e instanceof ProblemError && e.status === 412) {
        modal.warning({ title: t('views.saveToShared'), content: t('views.sharedChanged'), okText: t('views.cancel') });
        await refresh();
      } else message.error((e as Error).message);
    } finally { setBusy(false); }
  };

  return (
    <Space wrap>
      {/* On a shared view, reset drops the changes and shows the shared view; on a personal one it goes back to it, and
          "Back to shared view" leaves it for the shared default. */}
      <Button size="small" onClick={onReset}>{view.scope === 'personal' ? t('views.reset') : t('sharedViews.resetToShared')}</Button>
      {view.scope === 'personal' && (
        <Button size="small" onClick={() => navigate(viewHref(tenant, entity, undefined, board))}>{t('sharedViews.backToShared')}</Button>
      )}
      {maySaveShared && view.scope === 'shared' && view.id && !view.generated && (
        <Button size="small" loading={busy} onClick={() => void saveShared()}>{t('views.saveToShared')}</Button>
      )}
      {view.scope === 'personal' && view.id && (
        <Button size="small" loading={busy} onClick={() => void updatePersonal()}>{t('views.updatePersonal')}</Button>
      )}
      <Button size="small" type="primary" onClick={() => { setName(''); setNaming(true); }}>{t('views.saveAsPersonal')}</Button>
      <Modal open={naming} title={t('views.saveAsPersonal')} okText={t('views.save')} cancelText={t('views.cancel')} confirmLoading={busy}
        okButtonProps={{ disabled: !name.trim() }} onOk={() => void savePersonal()} onCancel={() => setNaming(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={() => void savePersonal()}>
          <Form.Item label={t('views.name')} htmlFor="personal-view-name" required>
            <Input id="personal-view-name" autoFocus maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** Deletes the caller's personal view (after a confirmation) and opens the entity's default view. */
export function DeletePersonalView({ tenant, entity, view, board }: { tenant: string; entity: string; view: ViewDoc; board: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lang = useLang();
  const name = localeText(view.name, lang, view.id ?? '');
  const remove = () => modal.confirm({
    title: t('views.deleteConfirm', { name }), okText: t('views.deletePersonal'), cancelText: t('views.cancel'), okButtonProps: { danger: true },
    onOk: async () => {
      try {
        await savedViewsApi.removePersonal(tenant, entity, view.id!);
        await queryClient.invalidateQueries({ queryKey: ['saved-views', tenant, entity] });
        message.success(t('views.deleted'));
        navigate(viewHref(tenant, entity, undefined, board));
      } catch (e) { message.error((e as Error).message); }
    },
  });
  return <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('views.deletePersonal')} title={t('views.deletePersonal')} onClick={remove} />;
}
