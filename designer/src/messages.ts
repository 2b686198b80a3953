// UI strings. Entity, field and option labels come from the metadata documents' locale maps, not from here.
export const en = {
  app: { name: 'Platform CRM', loading: 'Loading…', error: 'Something went wrong', retry: 'Retry', home: 'Home' },
  auth: {
    title: 'Sign in', tenant: 'Tenant', username: 'User name', password: 'Password', submit: 'Sign in',
    signOut: 'Sign out', refused: 'The user name or password is wrong, or the account is locked.', signedInAs: 'Signed in as {{name}}',
    required: 'Please enter {{field}}',
  },
  lang: { label: 'Language', en: 'English', 'zh-CN': '中文' },
  nav: { menu: 'Menu', entities: 'Records' },
  list: {
    view: 'View', new: 'New', search: 'Search', searchPlaceholder: 'Search {{entity}}', columns: 'Columns', refresh: 'Refresh',
    deleteSelected: 'Delete ({{count}})', deleteConfirm: 'Delete {{count}} records?', deleted: '{{count}} records deleted',
    deleteFailed: '{{count}} records could not be deleted', selected: '{{count}} selected',
    total: '{{count}} records', totalCapped: 'More than {{count}} records', empty: 'No records yet', noMatch: 'No records match these filters',
    clearFilters: 'Clear filters', unsaved: 'Unsaved view changes', reset: 'Reset', saveView: 'Save view',
    saveViewSoon: 'Personal views are saved on the server in a later version; your changes stay in this page’s address.',
    filter: 'Filter', filterBy: 'Filter {{field}}', apply: 'Apply', clear: 'Clear', sortAsc: 'Sort ascending', sortDesc: 'Sort descending',
    yes: 'Yes', no: 'No', from: 'From', to: 'To', selectAll: 'Select all rows', selectRow: 'Select row', page: 'Page {{page}}',
    prev: 'Previous page', next: 'Next page', pageSize: 'Rows per page', open: 'Open',
  },
  form: {
    save: 'Save', saving: 'Saving…', saved: 'Saved', new: 'New', delete: 'Delete', deleteConfirm: 'Delete this record?',
    deleteOk: 'Delete', cancel: 'Cancel', deleted: 'Record deleted', back: 'Back to list', edit: 'Edit', details: 'Details',
    related: 'Related', moreTabs: 'More tabs', relatedEmpty: 'None yet', relatedMore: 'All {{count}}', relatedNew: 'New', relatedSaveFirst: 'Save the record to add related records.',
    newTitle: 'New {{entity}}', notFound: 'This record does not exist or you may not see it.',
    invalid: 'The record was not saved: please correct the fields marked below.',
    scriptError: 'A script refused the save', scriptAt: '{{script}}, line {{line}}, column {{column}}',
    conflictTitle: 'Someone else changed this record',
    conflictBody: 'It was changed after you opened it. Reload to see their changes (yours are discarded), or overwrite their changes with yours.',
    reload: 'Reload', overwrite: 'Overwrite', required: '{{field}} is required', readOnly: 'Calculated', autonumber: 'Assigned on save',
    lookupPlaceholder: 'Search {{entity}}…', unsavedLeave: 'You have unsaved changes. Leave anyway?', leave: 'Leave', noChanges: 'No changes to save',
    system: 'System', modified: 'Last modified',
  },
};

export type Messages = typeof en;

export const zhCN: Messages = {
  app: { name: '平台 CRM', loading: '加载中…', error: '出错了', retry: '重试', home: '首页' },
  auth: {
    title: '登录', tenant: '租户', username: '用户名', password: '密码', submit: '登录', signOut: '退出登录',
    refused: '用户名或密码错误，或账号因多次失败已被锁定。', signedInAs: '当前用户：{{name}}', required: '请输入{{field}}',
  },
  lang: { label: '语言', en: 'English', 'zh-CN': '中文' },
  nav: { menu: '菜单', entities: '记录' },
  list: {
    view: '视图', new: '新建', search: '搜索', searchPlaceholder: '搜索{{entity}}', columns: '列', refresh: '刷新',
    deleteSelected: '删除（{{count}}）', deleteConfirm: '确定删除 {{count}} 条记录？', deleted: '已删除 {{count}} 条记录',
    deleteFailed: '{{count}} 条记录未能删除', selected: '已选 {{count}} 条',
    total: '共 {{count}} 条', totalCapped: '超过 {{count}} 条', empty: '暂无记录', noMatch: '没有符合筛选条件的记录',
    clearFilters: '清除筛选', unsaved: '视图有未保存的更改', reset: '重置', saveView: '保存视图',
    saveViewSoon: '个人视图将在后续版本中保存到服务器；当前更改保留在本页地址中。',
    filter: '筛选', filterBy: '筛选{{field}}', apply: '确定', clear: '清除', sortAsc: '升序', sortDesc: '降序',
    yes: '是', no: '否', from: '从', to: '到', selectAll: '选择所有行', selectRow: '选择行', page: '第 {{page}} 页',
    prev: '上一页', next: '下一页', pageSize: '每页行数', open: '打开',
  },
  form: {
    save: '保存', saving: '保存中…', saved: '已保存', new: '新建', delete: '删除', deleteConfirm: '确定删除这条记录？',
    deleteOk: '删除', cancel: '取消', deleted: '记录已删除', back: '返回列表', edit: '编辑', details: '详细信息',
    related: '相关记录', moreTabs: '更多标签页', relatedEmpty: '暂无', relatedMore: '全部 {{count}} 条', relatedNew: '新建', relatedSaveFirst: '保存记录后可添加相关记录。',
    newTitle: '新建{{entity}}', notFound: '该记录不存在，或您无权查看。',
    invalid: '记录未保存：请更正下面标出的字段。',
    scriptError: '脚本拒绝了保存', scriptAt: '{{script}}，第 {{line}} 行，第 {{column}} 列',
    conflictTitle: '该记录已被他人修改',
    conflictBody: '您打开后，该记录已被他人修改。重新加载可查看对方的更改（您的更改将被丢弃），或用您的更改覆盖对方的更改。',
    reload: '重新加载', overwrite: '覆盖', required: '{{field}}为必填项', readOnly: '自动计算', autonumber: '保存时生成',
    lookupPlaceholder: '搜索{{entity}}…', unsavedLeave: '有未保存的更改，确定离开？', leave: '离开', noChanges: '没有需要保存的更改',
    system: '系统', modified: '最后修改',
  },
};
