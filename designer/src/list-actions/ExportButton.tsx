// "Export": the list as the user sees it (filter, sort, visible columns) as CSV through GET .../export, which reads
// through the record service, so only readable fields come out and masked values stay masked.
import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadExport, type ExportQuery } from './api';
import './messages';

export function ExportButton({ tenant, entity, query, fileStem, iconOnly, labels }: {
  tenant: string; entity: string; query: ExportQuery; fileStem: string; iconOnly?: boolean;
  /** Field name → the column's label in the current language, for the header row. */
  labels?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const stamp = new Date().toISOString().slice(0, 10);
      const file = await downloadExport(tenant, entity, query, `${fileStem}-${stamp}.csv`, labels);
      message.success(t('export.done', { file }));
    } catch (e) {
      message.error(t('export.failed', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('export.hint')}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} aria-label={iconOnly ? t('export.button') : undefined} data-testid="list-export">
        {iconOnly ? null : t('export.button')}
      </Button>
    </Tooltip>
  );
}
