// For those who may change shared views (the host says who): drop the tenant's saved version of a shared view so the
// module's original shows again for everyone. Offered only while a saved version exists (etag other than "0").
import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../api/client';
import type { ViewDoc } from '../api/metadata';
import { localeText } from '../format';
import { useLang } from '../hooks';
import { savedViewsApi } from './savedViews';
import '../leadwalk/messages';

export function RestoreSharedView({ tenant, entity, view, maySaveShared }: { tenant: string; entity: string; view: ViewDoc; maySaveShared: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const lang = useLang();
  if (!maySaveShared || view.scope !== 'shared' || !view.id || !view.etag || view.etag === '"0"') return null;
  const name = localeText(view.name, lang, view.id);
  const restore = () => modal.confirm({
    title: t('sharedViews.restoreTitle'), content: t('sharedViews.restoreConfirm', { name }), okText: t('sharedViews.restoreModule'), cancelText: t('views.cancel'),
    onOk: async () => {
      try {
        await savedViewsApi.resetShared(tenant, entity, view.id!, view.etag!);
        message.success(t('sharedViews.restored'));
      } catch (e) {
        message.error(e instanceof ProblemError && e.status === 412 ? t('views.sharedChanged') : (e as Error).message);
      } finally { await queryClient.invalidateQueries({ queryKey: ['saved-views', tenant, entity] }); }
    },
  });
  return <Button size="small" icon={<UndoOutlined />} title={t('sharedViews.restoreTitle')} onClick={restore}>{t('sharedViews.restoreModule')}</Button>;
}
