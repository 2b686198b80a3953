// The dashboard screen's strings, added to the app's i18n resources when the screen's chunk loads.
import i18n from '../i18n';

const en = {
  loading: 'Loading {{title}}…', empty: 'No data', error: 'This chart could not be loaded', retry: 'Retry',
  refused: 'You may not see the data of this chart.', notFound: 'This dashboard does not exist or you may not see it.',
  showTable: 'Show data table', hideTable: 'Hide data table', group: 'Group', value: 'Value', emptyGroup: '(empty)',
  drillHint: 'Select a bar or slice to open its records.', openRecords: 'Open the records of {{group}}', openAll: 'Open the records',
  summary: '{{title}}: {{count}} groups. {{items}}', yes: 'Yes', no: 'No',
};

const zhCN: typeof en = {
  loading: '正在加载{{title}}…', empty: '暂无数据', error: '图表加载失败', retry: '重试',
  refused: '您无权查看此图表的数据。', notFound: '该仪表板不存在，或您无权查看。',
  showTable: '显示数据表', hideTable: '隐藏数据表', group: '分组', value: '数值', emptyGroup: '（空）',
  drillHint: '点击柱形或扇区可查看对应记录。', openRecords: '查看“{{group}}”的记录', openAll: '查看记录',
  summary: '{{title}}：共 {{count}} 组。{{items}}', yes: '是', no: '否',
};

i18n.addResourceBundle('en', 'translation', { dashboard: en }, true, false);
i18n.addResourceBundle('zh-CN', 'translation', { dashboard: zhCN }, true, false);
