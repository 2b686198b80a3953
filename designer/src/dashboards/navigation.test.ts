import { describe, expect, it } from 'vitest';
import { normalizeNavigation } from '../api/metadata';

describe('dashboards in the navigation', () => {
  it('keeps a dashboard entry with its label among the entities', () => {
    const groups = normalizeNavigation({ value: [
      { module: 'crm-core', entity: 'account', label: 'Accounts', view: 'account-all' },
      { module: 'sales', dashboard: 'sales-overview', label: { en: 'Sales overview', 'zh-CN': '销售概览' } },
    ] });
    expect(groups[0].items).toEqual([
      { entity: 'account', label: 'Accounts', view: 'account-all', module: 'crm-core' },
      { entity: '', dashboard: 'sales-overview', label: { en: 'Sales overview', 'zh-CN': '销售概览' }, module: 'sales' },
    ]);
  });
});
