import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../hooks';
import { setLang, type Lang } from '../i18n';

/** English / 中文, switchable at any time and remembered (localStorage). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Segmented size="small" aria-label={t('lang.label')} value={lang}
      options={[{ value: 'en', label: 'EN' , title: t('lang.en') }, { value: 'zh-CN', label: '中文', title: t('lang.zh-CN') }]}
      onChange={(v) => void setLang(v as Lang)} />
  );
}

