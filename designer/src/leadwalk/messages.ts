// Strings of the lead-to-won path: an action's outcome (the records it made), quick create in a lookup, the stage
// bar's closed states and the shared-view rights. Merged into the app's translation at load, apart from messages.ts.
import i18n from '../i18n';

export const leadwalkEn = {
  outcome: {
    title: '{{name}} done', made: 'These records were made:', open: 'Open {{entity}}', stay: 'Stay here', record: '{{entity}}: {{name}}',
  },
  quickCreate: {
    option: 'Create “{{text}}”', optionEmpty: 'Create a new {{entity}}', title: 'New {{entity}}', create: 'Create', cancel: 'Cancel',
    created: '{{entity}} “{{name}}” created', failed: 'Not created: please correct the fields marked below.',
  },
  stageOutcome: { won: 'This deal is won', lost: 'This deal is lost', wonHint: 'Closed as {{stage}}. Move it back to an earlier stage to reopen it.' },
  sharedViews: {
    resetToShared: 'Reset to shared view', backToShared: 'Back to shared view', restoreModule: 'Restore original', restoreTitle: 'Restore the original shared view',
    restoreConfirm: 'Drop the saved version of “{{name}}” for everyone and show the original again?', restored: 'The original shared view is back',
  },
};

export const leadwalkZhCN: typeof leadwalkEn = {
  outcome: {
    title: '{{name}}已完成', made: '已创建以下记录：', open: '打开{{entity}}', stay: '留在此页', record: '{{entity}}：{{name}}',
  },
  quickCreate: {
    option: '新建“{{text}}”', optionEmpty: '新建{{entity}}', title: '新建{{entity}}', create: '创建', cancel: '取消',
    created: '已创建{{entity}}“{{name}}”', failed: '未创建：请更正下方标出的字段。',
  },
  stageOutcome: { won: '此商机已赢单', lost: '此商机已丢单', wonHint: '已以“{{stage}}”关闭。移回较早的阶段即可重新打开。' },
  sharedViews: {
    resetToShared: '重置为共享视图', backToShared: '返回共享视图', restoreModule: '恢复原始视图', restoreTitle: '恢复原始共享视图',
    restoreConfirm: '为所有人删除“{{name}}”的已保存版本，并重新显示原始视图？', restored: '已恢复原始共享视图',
  },
};

i18n.addResourceBundle('en', 'translation', leadwalkEn, true, false);
i18n.addResourceBundle('zh-CN', 'translation', leadwalkZhCN, true, false);
