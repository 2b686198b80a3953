import { describe, expect, it } from 'vitest';
import type { EntityDef } from '../api/metadata';
import { ProblemError } from '../api/client';
import { isReadOnlyField } from '../fields/registry';
import { bulkEditableFields, refusalsByRecord } from './bulkFields';
import { exportUrl, fileNameOf } from './api';

const entity: EntityDef = {
  name: 'account', primaryField: 'name',
  fields: [
    { name: 'name', type: 'text' },
    { name: 'code', type: 'text', unique: true },
    { name: 'tier', type: 'choice', options: [{ value: 'vip' }] },
    { name: 'number', type: 'autonumber' },
    { name: 'score', type: 'integer', formula: 'employees * 2' },
    { name: 'revenue', type: 'currency' },
    { name: 'phone', type: 'phone' },
    { name: 'notes', type: 'longtext' },
  ],
  access: { fields: { revenue: 'readOnly', phone: 'masked', notes: 'hidden', tier: 'full' } },
};

describe('bulk edit fields', () => {
  it('offers only fields the user may write in full, leaving out computed, unique, read-only, masked and hidden ones', () => {
    const names = bulkEditableFields(entity, (f) => isReadOnlyField(f, entity)).map((f) => f.name);
    expect(names).toEqual(['name', 'tier']);
  });
});

describe('a refused batch', () => {
  const ids = ['a', 'b', 'c'];
  const rows = new Map([['a', { id: 'a', name: 'Acme' }], ['c', { id: 'c', name: 'Contoso' }]]);
  const label = (n: string) => ({ tier: 'Tier', close_date: 'Close date' }[n] ?? n);

  it('is listed per record by the record name, each field by its label, a whole-record refusal as such', () => {
    const error = new ProblemError(422, { errors: [
      { pointer: '/records/2/close_date', detail: 'needs a close date' },
      { pointer: '/records/0', detail: 'you may not update this account' },
      { pointer: '/records/2/tier', detail: 'is not an option' },
      { pointer: '/mode', detail: 'ignored: not a record' },
    ] });

    const refusals = refusalsByRecord(error, ids, rows, 'name', label, 'the record');

    expect(refusals).toEqual([
      { id: 'a', name: 'Acme', messages: ['the record: you may not update this account'] },
      { id: 'c', name: 'Contoso', messages: ['Close date: needs a close date', 'Tier: is not an option'] },
    ]);
  });

  it('names a record that is not on the page by its id, and gives nothing for an error without pointers', () => {
    const error = new ProblemError(422, { errors: [{ pointer: '/records/1/tier', detail: 'bad' }] });
    expect(refusalsByRecord(error, ids, rows, 'name', label, 'the record')[0].name).toBe('b');
    expect(refusalsByRecord(new ProblemError(500, { title: 'boom' }), ids, rows, 'name', label, 'x')).toEqual([]);
  });
});

describe('export', () => {
  it('asks for the list filter, sort and visible columns, spaces encoded as %20', () => {
    const url = exportUrl('demo', 'account', { filter: "tier eq 'vip' and contains(name,'a b')", orderby: 'name desc,id', select: ['name', 'tier'] });
    expect(url.startsWith('/api/demo/data/account/export?')).toBe(true);
    const params = new URL(url, 'http://x').searchParams;
    expect(params.get('$filter')).toBe("tier eq 'vip' and contains(name,'a b')");
    expect(params.get('$orderby')).toBe('name desc,id');
    expect(params.get('$select')).toBe('name,tier');
    expect(url).not.toContain('+');
  });

  it('saves under the name the host suggests, else the fallback', () => {
    expect(fileNameOf('attachment; filename="account-20261205-093000.csv"', 'x.csv')).toBe('account-20261205-093000.csv');
    expect(fileNameOf(null, 'accounts-2026-12-05.csv')).toBe('accounts-2026-12-05.csv');
  });
});
