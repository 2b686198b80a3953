import { describe, expect, it } from 'vitest';
import { csvField, labelHeader } from './csvHeader';

describe('export header labels', () => {
  const csv = 'id,name,annual_revenue,tier\r\n1,"Acme, Inc.",1250,vip\r\n2,Beta,,regular\r\n';

  it('replaces the field names of the first line by the labels and keeps every value as written', () => {
    const out = labelHeader(csv, new Map([['id', 'ID'], ['name', 'Name'], ['annual_revenue', 'Annual revenue'], ['tier', 'Tier']]));
    expect(out).toBe('ID,Name,Annual revenue,Tier\r\n1,"Acme, Inc.",1250,vip\r\n2,Beta,,regular\r\n');
  });

  it('writes Chinese labels and quotes a label holding a comma or a quote', () => {
    const out = labelHeader(csv, new Map([['name', '名称'], ['annual_revenue', '年收入, 元'], ['tier', '等级"A"']]));
    expect(out.split('\r\n')[0]).toBe('id,名称,"年收入, 元","等级""A"""');
    expect(out.split('\r\n').slice(1)).toEqual(csv.split('\r\n').slice(1));
  });

  it('defuses a label a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('Plain')).toBe('Plain');
  });

  it('keeps a header-only file (no records) and a file without a line break', () => {
    expect(labelHeader('id,name\r\n', new Map([['name', 'Name']]))).toBe('id,Name\r\n');
    expect(labelHeader('id,name', new Map([['name', 'Name']]))).toBe('id,Name');
  });
});
