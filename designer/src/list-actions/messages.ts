// Strings of the list's bulk edit and export, merged into the app's translation at load (apart from messages.ts so
// this feature does not edit the shared file).
import i18n from '../i18n';

export const listActionsEn = {
  bulk: {
    edit: 'Edit selected', editCount: 'Edit selected ({{count}})', title: 'Edit {{count}} records', field: 'Field', value: 'New value',
    pickField: 'Choose a field', apply: 'Apply to {{count}} records', cancel: 'Cancel', clearValue: 'The field will be emptied on every selected record.',
    done: '{{count}} records updated', failed: 'Nothing was changed: {{count}} records were refused', noFields: 'There is no field you may change on these records.',
    record: 'Record', whole: 'the record',
  },
  export: {
    button: 'Export', hint: 'Download the records of this list (its filter, sort and columns) as CSV', done: 'Exported {{file}}', failed: 'The export failed: {{reason}}',
  },
};

export const listActionsZhCN: typeof listActionsEn = {
  bulk: {
    edit: '编辑所选', editCount: '编辑所选（{{count}}）', title: '编辑 {{count}} 条记录', field: '字段', value: '新值',
    pickField: '选择字段', apply: '应用到 {{count}} 条记录', cancel: '取消', clearValue: '所选记录的该字段都将被清空。',
    done: '已更新 {{count}} 条记录', failed: '未做任何更改：{{count}} 条记录被拒绝', noFields: '这些记录上没有您可以修改的字段。',
    record: '记录', whole: '整条记录',
  },
  export: {
    button: '导出', hint: '将此列表的记录（按当前筛选、排序和列）下载为 CSV', done: '已导出 {{file}}', failed: '导出失败：{{reason}}',
  },
};

i18n.addResourceBundle('en', 'translation', listActionsEn, true, false);
i18n.addResourceBundle('zh-CN', 'translation', listActionsZhCN, true, false);
