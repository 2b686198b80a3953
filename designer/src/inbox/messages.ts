// UI strings of the inbox, notifications, activity timeline, audit history and record actions; merged into the
// i18n resources beside messages.ts (kept apart so parallel work on the shared file does not collide).
export const inboxEn = {
  inbox: {
    title: 'Inbox', nav: 'Inbox', pending: '{{count}} pending', empty: 'Nothing waits for you', refresh: 'Refresh',
    kind: 'Kind', approval: 'Approval', task: 'Task', subject: 'Subject', workflow: 'Workflow', record: 'Record', due: 'Due', noDue: 'No due date',
    overdue: 'Overdue', actions: 'Actions', more: 'More actions', openRecord: 'Open record',
    approve: 'Approve', reject: 'Reject', return: 'Return to submitter', transfer: 'Transfer', addApprover: 'Add approver', withdraw: 'Withdraw',
    comment: 'Comment', commentRequired: 'A comment is required to {{action}}', user: 'User', userRequired: 'Choose a user',
    userSearch: 'Search users', position: 'Position', before: 'Before me', after: 'After me', submit: 'Confirm', cancel: 'Cancel',
    done: {
      approve: 'Approved', reject: 'Rejected', return: 'Returned to the submitter', transfer: 'Transferred', 'add-approver': 'Approver added', withdraw: 'Withdrawn',
    },
    titleFor: '{{action}}: {{subject}}', gone: 'This item was already handled; the inbox is refreshed.',
  },
  notif: {
    bell: 'Notifications', bellCount: 'Notifications, {{count}} unread', title: 'Notifications', empty: 'No notifications',
    readAll: 'Mark all read', markRead: 'Mark read', unread: 'Unread', open: 'Open',
  },
  timeline: {
    title: 'Activity', empty: 'No activities yet', log: 'Log activity', subject: 'Subject', kind: 'Kind', when: 'When', body: 'Details',
    save: 'Log', cancel: 'Cancel', logged: 'Activity logged', today: 'Today', yesterday: 'Yesterday', more: 'Show more',
    kinds: { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note' },
  },
  audit: {
    title: 'History', empty: 'No changes recorded', field: 'Field', from: 'Old', to: 'New', masked: 'Hidden', withheld: 'Values withheld',
    more: 'Load older', by: 'by {{name}}', system: 'System',
    actions: { create: 'Created', update: 'Changed', delete: 'Deleted', assign: 'Assigned', share: 'Shared', unshare: 'Unshared', restore: 'Restored', erase: 'Erased', link: 'Linked', unlink: 'Unlinked' },
  },
  actions: {
    start: 'Start {{name}}', started: '{{name}} started: {{status}}', run: 'Run', ran: '{{name}} done', failed: '{{name}} failed',
    status: { running: 'running', suspended: 'waiting', finished: 'finished', faulted: 'faulted', cancelled: 'cancelled' },
    confirmStart: 'Start “{{name}}” on this record?', confirmRun: 'Run “{{name}}” on this record?', ok: 'Start', cancel: 'Cancel',
  },
  people: { owner: 'Owner', createdBy: 'Created by', modifiedBy: 'Modified by' },
};

export type InboxMessages = typeof inboxEn;

export const inboxZhCN: InboxMessages = {
  inbox: {
    title: '待办', nav: '待办', pending: '{{count}} 项待处理', empty: '暂无待办事项', refresh: '刷新',
    kind: '类型', approval: '审批', task: '任务', subject: '主题', workflow: '流程', record: '记录', due: '截止', noDue: '无截止日期',
    overdue: '已逾期', actions: '操作', more: '更多操作', openRecord: '打开记录',
    approve: '同意', reject: '拒绝', return: '退回提交人', transfer: '转交', addApprover: '加签', withdraw: '撤回',
    comment: '意见', commentRequired: '{{action}}需要填写意见', user: '用户', userRequired: '请选择用户',
    userSearch: '搜索用户', position: '位置', before: '在我之前', after: '在我之后', submit: '确定', cancel: '取消',
    done: { approve: '已同意', reject: '已拒绝', return: '已退回提交人', transfer: '已转交', 'add-approver': '已加签', withdraw: '已撤回' },
    titleFor: '{{action}}：{{subject}}', gone: '该事项已被处理，待办列表已刷新。',
  },
  notif: {
    bell: '通知', bellCount: '通知，{{count}} 条未读', title: '通知', empty: '暂无通知', readAll: '全部标为已读', markRead: '标为已读', unread: '未读', open: '打开',
  },
  timeline: {
    title: '活动', empty: '暂无活动', log: '记录活动', subject: '主题', kind: '类型', when: '时间', body: '详情',
    save: '记录', cancel: '取消', logged: '活动已记录', today: '今天', yesterday: '昨天', more: '显示更多',
    kinds: { call: '电话', email: '邮件', meeting: '会议', note: '备注' },
  },
  audit: {
    title: '历史记录', empty: '暂无更改记录', field: '字段', from: '原值', to: '新值', masked: '已隐藏', withheld: '无权查看取值',
    more: '加载更早的记录', by: '操作人：{{name}}', system: '系统',
    actions: { create: '创建', update: '修改', delete: '删除', assign: '分配', share: '共享', unshare: '取消共享', restore: '恢复', erase: '擦除', link: '关联', unlink: '取消关联' },
  },
  actions: {
    start: '启动{{name}}', started: '{{name}}已启动：{{status}}', run: '执行', ran: '{{name}}已完成', failed: '{{name}}失败',
    status: { running: '运行中', suspended: '等待中', finished: '已完成', faulted: '出错', cancelled: '已取消' },
    confirmStart: '在此记录上启动“{{name}}”？', confirmRun: '在此记录上执行“{{name}}”？', ok: '启动', cancel: '取消',
  },
  people: { owner: '负责人', createdBy: '创建人', modifiedBy: '修改人' },
};
