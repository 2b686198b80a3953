import type { LocaleText } from '../api/metadata';

/** System fields that hold a user id: shown as the user's name, labelled here (they are not in the entity's fields). */
export const USER_FIELDS = new Map<string, LocaleText>([
  ['owner', { en: 'Owner', 'zh-CN': '负责人' }],
  ['owner_id', { en: 'Owner', 'zh-CN': '负责人' }],
  ['created_by', { en: 'Created by', 'zh-CN': '创建人' }],
  ['modified_by', { en: 'Modified by', 'zh-CN': '修改人' }],
]);
