// UI strings of "My requests", the inbox tabs, marking tasks done and relative due dates (a namespace of their own,
// merged into the i18n resources beside inbox/messages.ts).
export const requestsEn = {
  requests: {
    tabInbox: 'To do', tab: 'My requests', empty: 'You have not submitted any approvals', subject: 'Subject', workflow: 'Workflow',
    record: 'Record', status: 'Status', approvers: 'Current approvers', submitted: 'Submitted', decided: 'Decided', actions: 'Actions',
    withdraw: 'Withdraw', withdrawn: 'Request withdrawn',
    statuses: {
      pending: 'Pending', approved: 'Approved', rejected: 'Rejected', returned: 'Returned', withdrawn: 'Withdrawn', timedOut: 'Timed out',
      cancelled: 'Cancelled', faulted: 'Faulted',
    },
  },
  incidents: {
    tab: 'Workflow incidents', empty: 'No workflow is faulted', workflow: 'Workflow', activity: 'Activity', error: 'Error', record: 'Record',
    since: 'Since', actions: 'Actions', retry: 'Retry', cancel: 'Cancel instance', keep: 'Keep', confirmCancel: 'Cancel this “{{workflow}}” instance? It will not run again.',
    retried: 'Retried: {{status}}', cancelled: 'Instance cancelled',
  },
  inboxTask: {
    markDone: 'Mark done', markDoneOf: 'Mark “{{subject}}” done', done: 'Task done', changed: 'Someone changed this task meanwhile; the inbox is refreshed.',
    dueToday: 'Due today', dueIn_one: 'In {{count}} day', dueIn_other: 'In {{count}} days', overdueToday: 'Overdue', overdueBy_one: 'Overdue {{count}} day',
    overdueBy_other: 'Overdue {{count}} days',
  },
};

export type RequestMessages = typeof requestsEn;

export const requestsZhCN: RequestMessages = {
  requests: {
    tabInbox: '待我处理', tab: '我的申请', empty: '您还没有提交过审批', subject: '主题', workflow: '流程',
    record: '记录', status: '状态', approvers: '当前审批人', submitted: '提交时间', decided: '完成时间', actions: '操作',
    withdraw: '撤回', withdrawn: '申请已撤回',
    statuses: {
      pending: '审批中', approved: '已同意', rejected: '已拒绝', returned: '已退回', withdrawn: '已撤回', timedOut: '已超时',
      cancelled: '已取消', faulted: '出错',
    },
  },
  incidents: {
    tab: '流程异常', empty: '没有出错的流程', workflow: '流程', activity: '活动', error: '错误', record: '记录',
    since: '出错时间', actions: '操作', retry: '重试', cancel: '取消实例', keep: '保留', confirmCancel: '取消此“{{workflow}}”实例？取消后不再运行。',
    retried: '已重试：{{status}}', cancelled: '实例已取消',
  },
  inboxTask: {
    markDone: '完成', markDoneOf: '将“{{subject}}”标为完成', done: '任务已完成', changed: '该任务已被他人修改，待办列表已刷新。',
    dueToday: '今天到期', dueIn_one: '{{count}}天后到期', dueIn_other: '{{count}}天后到期', overdueToday: '已逾期', overdueBy_one: '逾期{{count}}天',
    overdueBy_other: '逾期{{count}}天',
  },
};
