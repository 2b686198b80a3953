import { describe, expect, it } from 'vitest';
import { pageOf } from './prefetchRoute';

describe('page prefetch', () => {
  it('knows a list from a record and leaves the shell pages alone', () => {
    expect(pageOf('/demo/account')).toBe('list');
    expect(pageOf('/demo/account/')).toBe('list');
    expect(pageOf('/demo/account/new')).toBe('record');
    expect(pageOf('/demo/account/0190a000-0000-7000-8000-00000000a001')).toBe('record');
    expect(pageOf('/demo')).toBeNull();
    expect(pageOf('/demo/inbox')).toBeNull();
    expect(pageOf('/demo/dashboards/sales')).toBeNull();
  });
});
