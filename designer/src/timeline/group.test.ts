import { describe, expect, it } from 'vitest';
import { groupByDay, timelineLookups } from './group';

const now = new Date(2026, 11, 5, 12, 0, 0);
const at = (d: number, h: number) => new Date(2026, 11, d, h, 0, 0).toISOString();

describe('timeline grouping', () => {
  it('puts the newest activity first and groups by day, naming today and yesterday', () => {
    const days = groupByDay([
      { id: 'a', subject: 'Old call', kind: 'call', occurredAt: at(1, 9) },
      { id: 'b', subject: 'Morning note', kind: 'note', occurredAt: at(5, 8) },
      { id: 'c', subject: 'Yesterday meeting', kind: 'meeting', occurredAt: at(4, 15) },
      { id: 'd', subject: 'Late email', kind: 'email', occurredAt: at(5, 11) },
    ], now);
    expect(days.map((d) => d.label)).toEqual(['today', 'yesterday', 'date']);
    expect(days[0].entries.map((e) => e.id)).toEqual(['d', 'b']);
    expect(days[2].day).toBe('2026-12-01');
  });

  it('answers no days for no activities', () => {
    expect(groupByDay([], now)).toEqual([]);
  });

  it('finds the activity lookups to an entity, and none for an entity activities do not link to', () => {
    const activity = { fields: [
      { name: 'account', type: 'lookup', target: 'account' }, { name: 'contact', type: 'lookup', target: 'contact' }, { name: 'subject', type: 'text' },
    ] };
    expect(timelineLookups(activity, 'contact')).toEqual(['contact']);
    expect(timelineLookups(activity, 'opportunity')).toEqual([]);
    expect(timelineLookups(undefined, 'account')).toEqual([]);
  });
});
