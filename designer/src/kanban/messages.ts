// The board's "N more" link (apart from views/messages.ts, which other features share).
import i18n from '../i18n';

export const kanbanMoreEn = { kanbanMore: { more: '{{count}} more — open in the list' } };
export const kanbanMoreZhCN: typeof kanbanMoreEn = { kanbanMore: { more: '还有 {{count}} 条 — 在列表中查看' } };

i18n.addResourceBundle('en', 'translation', kanbanMoreEn, true, false);
i18n.addResourceBundle('zh-CN', 'translation', kanbanMoreZhCN, true, false);
