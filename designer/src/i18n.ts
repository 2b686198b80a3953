import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { en, zhCN } from './messages';
import { inboxEn, inboxZhCN } from './inbox/messages';
import { requestsEn, requestsZhCN } from './inbox/requestMessages';

export type Lang = 'en' | 'zh-CN';
export const LANGS: Lang[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'platform.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch { /* storage blocked */ }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function applyLang(lang: Lang) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function setLang(lang: Lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage blocked */ }
  applyLang(lang);
  await i18n.changeLanguage(lang);
}

const lang = initialLang();
applyLang(lang);
void i18n.use(initReactI18next).init({
  resources: { en: { translation: { ...en, ...inboxEn, ...requestsEn } }, 'zh-CN': { translation: { ...zhCN, ...inboxZhCN, ...requestsZhCN } } },
  lng: lang,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
