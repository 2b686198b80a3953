// A list's extra OData filter in its URL (?filter=stage eq 'won'), as a dashboard's drill-down opens it: applied with
// the view's filter, shown as a tag that removes it. The server checks it like any $filter, bounded by the reader.
import { useSearchParams } from 'react-router';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import i18n from './i18n';

export const URL_FILTER_PARAM = 'filter';

i18n.addResourceBundle('en', 'translation', { listUrlFilter: { label: 'Filter', remove: 'Remove filter' } }, true, false);
i18n.addResourceBundle('zh-CN', 'translation', { listUrlFilter: { label: '筛选', remove: '移除筛选' } }, true, false);

export function useUrlFilter(): { filter: string | undefined; clear: () => void } {
  const [params, setParams] = useSearchParams();
  const filter = params.get(URL_FILTER_PARAM)?.trim() || undefined;
  const clear = () => setParams((prev) => { const next = new URLSearchParams(prev); next.delete(URL_FILTER_PARAM); next.delete('page'); return next; }, { replace: true });
  return { filter, clear };
}

export function UrlFilterTag({ filter, onClear }: { filter: string | undefined; onClear: () => void }) {
  const { t } = useTranslation();
  if (!filter) return null;
  return (
    <Tag closable onClose={onClear} closeIcon={<span aria-label={t('listUrlFilter.remove')}>×</span>} style={{ maxWidth: '100%', whiteSpace: 'normal', wordBreak: 'break-word' }}>
      {t('listUrlFilter.label')}: <code>{filter}</code>
    </Tag>
  );
}
