// Strings of saved views, the kanban board and the stage bar, merged into the app's translation at load (kept
// apart from messages.ts so these features do not edit the shared file).
import i18n from '../i18n';

export const viewsEn = {
  views: {
    modified: 'Modified', modifiedHint: 'This view has unsaved changes: they stay on screen and in the address until you save or reset them.',
    saveAsPersonal: 'Save as my view', updatePersonal: 'Update my view', saveToShared: 'Save to shared view', reset: 'Reset', name: 'View name', save: 'Save', cancel: 'Cancel',
    personalSaved: 'Saved as your view “{{name}}”', sharedSaved: 'The shared view is saved for everyone',
    sharedChanged: 'Someone else saved this shared view after you opened it. Reload to see their version; your changes stay in the address.',
    personal: 'My views', shared: 'Shared views', deletePersonal: 'Delete my view', deleted: 'View deleted', deleteConfirm: 'Delete your view “{{name}}”?',
    list: 'List', board: 'Board', display: 'Display',
  },
  kanban: {
    board: 'Board of {{field}}', count: '{{count}} records', empty: 'No records', moved: '“{{name}}” moved to {{stage}}',
    refused: 'The move was refused: {{reason}}', changedMeanwhile: 'Someone else changed this record meanwhile; the board is reloaded.',
    forbidden: 'You may not change this record. {{detail}}', capped: 'Showing the first {{count}} records',
    dragHint: 'Press space to pick up a card, arrow keys to move it to another column, space to drop it, escape to cancel.',
    pickedUp: 'Picked up {{name}}.', over: '{{name}} is over {{stage}}.', dropped: '{{name}} was dropped on {{stage}}.', cancelled: 'Moving {{name}} was cancelled.',
  },
  stage: {
    bar: 'Stages', current: 'Current stage', keyFields: 'Key fields of this stage', next: 'Next stage', moveTo: 'Move to {{stage}}',
    missing: 'Fill in {{fields}} before moving on to {{stage}}.', moved: 'Moved to {{stage}}', unsaved: 'Save your changes before changing the stage.',
  },
};

export const viewsZhCN: typeof viewsEn = {
  views: {
    modified: '已修改', modifiedHint: '此视图有未保存的更改：在您保存或重置之前，这些更改会保留在屏幕和地址中。',
    saveAsPersonal: '另存为我的视图', updatePersonal: '更新我的视图', saveToShared: '保存到共享视图', reset: '重置', name: '视图名称', save: '保存', cancel: '取消',
    personalSaved: '已保存为您的视图“{{name}}”', sharedSaved: '共享视图已为所有人保存',
    sharedChanged: '在您打开后，其他人已保存此共享视图。请重新加载查看其版本；您的更改仍保留在地址中。',
    personal: '我的视图', shared: '共享视图', deletePersonal: '删除我的视图', deleted: '视图已删除', deleteConfirm: '删除您的视图“{{name}}”？',
    list: '列表', board: '看板', display: '显示方式',
  },
  kanban: {
    board: '按{{field}}分组的看板', count: '{{count}} 条记录', empty: '无记录', moved: '“{{name}}”已移至{{stage}}',
    refused: '移动被拒绝：{{reason}}', changedMeanwhile: '其他人已同时修改此记录；看板已重新加载。',
    forbidden: '您无权修改此记录。{{detail}}', capped: '仅显示前 {{count}} 条记录',
    dragHint: '按空格键拿起卡片，用方向键移到其他列，再按空格键放下，按 Esc 取消。',
    pickedUp: '已拿起 {{name}}。', over: '{{name}} 位于 {{stage}} 上方。', dropped: '{{name}} 已放到 {{stage}}。', cancelled: '已取消移动 {{name}}。',
  },
  stage: {
    bar: '阶段', current: '当前阶段', keyFields: '本阶段的关键字段', next: '下一阶段', moveTo: '移至{{stage}}',
    missing: '请先填写{{fields}}，再进入{{stage}}。', moved: '已移至{{stage}}', unsaved: '请先保存更改，再更改阶段。',
  },
};

i18n.addResourceBundle('en', 'translation', viewsEn, true, false);
i18n.addResourceBundle('zh-CN', 'translation', viewsZhCN, true, false);
