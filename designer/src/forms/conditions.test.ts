import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { applyRules, evaluate, ruleInputs } from './conditions';
import type { Condition } from '../api/metadata';

describe('evaluate', () => {
  const r = { stage: 'won', amount: 1200, tags: ['key'], account: { id: 'a1', name: 'Acme' }, close: dayjs('2026-03-01'), note: '' };
  it.each<[Condition, boolean]>([
    [{ field: 'stage', op: 'eq', value: 'won' }, true],
    [{ field: 'stage', op: 'eq', value: 'lost' }, false],
    [{ field: 'stage', op: 'ne', value: 'lost' }, true],
    [{ field: 'stage', op: 'in', value: ['won', 'lost'] }, true],
    [{ field: 'stage', op: 'notIn', value: ['won', 'lost'] }, false],
    [{ field: 'note', op: 'empty' }, true],
    [{ field: 'missing', op: 'empty' }, true],
    [{ field: 'tags', op: 'notEmpty' }, true],
    [{ field: 'tags', op: 'eq', value: 'key' }, true],
    [{ field: 'amount', op: 'gt', value: 1000 }, true],
    [{ field: 'amount', op: 'lt', value: 1000 }, false],
    [{ field: 'amount', op: 'eq', value: '1200' }, true],
    [{ field: 'missing', op: 'gt', value: 0 }, false],
    [{ field: 'account', op: 'eq', value: 'a1' }, true],
    [{ field: 'close', op: 'lt', value: '2026-04-01' }, true],
    [{ and: [{ field: 'stage', op: 'eq', value: 'won' }, { field: 'amount', op: 'gt', value: 5000 }] }, false],
    [{ or: [{ field: 'stage', op: 'eq', value: 'lost' }, { field: 'amount', op: 'gt', value: 1000 }] }, true],
    [{ not: { field: 'stage', op: 'eq', value: 'won' } }, false],
  ])('%j → %s', (c, want) => expect(evaluate(c, r)).toBe(want));
});

describe('applyRules', () => {
  const rules = [
    { when: { field: 'stage', op: 'eq', value: 'lost' } as Condition, visible: ['loss_reason'] },
    { when: { field: 'stage', op: 'eq', value: 'won' } as Condition, required: ['amount'] },
    { when: { field: 'stage', op: 'in', value: ['won', 'lost'] } as Condition, readOnly: ['probability'] },
  ];
  it('hides visible-gated fields until their condition holds', () => {
    expect(applyRules(rules, { stage: 'prospecting' }).hidden.has('loss_reason')).toBe(true);
    expect(applyRules(rules, { stage: 'lost' }).hidden.has('loss_reason')).toBe(false);
  });
  it('requires and locks fields while conditions hold', () => {
    const s = applyRules(rules, { stage: 'won' });
    expect([...s.required]).toEqual(['amount']);
    expect([...s.readOnly]).toEqual(['probability']);
    expect(applyRules(rules, { stage: 'prospecting' }).required.size).toBe(0);
  });
  it('lists the fields conditions read', () => expect(ruleInputs(rules)).toEqual(['stage']));
});
