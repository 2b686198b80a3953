import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/client';
import type { FieldDef } from '../api/metadata';
import { etagOf, groupCards, moveCard, refusalReason } from './board';

const stage: FieldDef = { name: 'stage', type: 'choice', options: [{ value: 'prospecting' }, { value: 'qualification' }, { value: 'won' }] };
const rows = [
  { id: 'a', name: 'A', stage: 'prospecting', row_version: 3 },
  { id: 'b', name: 'B', stage: 'won', row_version: 1 },
  { id: 'c', name: 'C', stage: 'prospecting', row_version: 1 },
  { id: 'd', name: 'D', stage: null },
];
const t = (key: string, o?: Record<string, unknown>) => `${key}${o?.detail ? `:${String(o.detail)}` : ''}`;

describe('kanban board', () => {
  it('groups cards into a column per option in the option order and leaves out empty values', () => {
    const columns = groupCards(stage, rows);
    expect(columns.map((c) => [c.value, c.cards.map((r) => r.id)])).toEqual([['prospecting', ['a', 'c']], ['qualification', []], ['won', ['b']]]);
  });

  it('moves a card to the top of another column with its field set to that column', () => {
    const moved = moveCard(groupCards(stage, rows), 'stage', 'c', 'won');
    expect(moved.map((c) => c.cards.map((r) => r.id))).toEqual([['a'], [], ['c', 'b']]);
    expect(moved[2].cards[0].stage).toBe('won');
  });

  it('leaves the board as it is when a card is dropped on its own column', () => {
    const columns = groupCards(stage, rows);
    expect(moveCard(columns, 'stage', 'a', 'prospecting')).toBe(columns);
  });

  it('sends the row version it read as If-Match', () => {
    expect(etagOf(rows[0])).toBe('"3"');
    expect(etagOf({ id: 'x' })).toBeNull();
  });

  it('names each invalid field by its label when the host refuses a move with 422', () => {
    const error = new ProblemError(422, { status: 422, detail: '/amount: needs an amount', errors: [{ pointer: '/amount', detail: 'An opportunity past prospecting needs an amount' }] });
    expect(refusalReason(error, (n) => (n === 'amount' ? 'Amount' : n), t)).toBe('Amount: An opportunity past prospecting needs an amount');
  });

  it('explains a 412 as a change made meanwhile and a 403 with the host\'s detail', () => {
    expect(refusalReason(new ProblemError(412, { status: 412 }), (n) => n, t)).toBe('kanban.changedMeanwhile');
    expect(refusalReason(new ProblemError(403, { status: 403, detail: 'no update' }), (n) => n, t)).toBe('kanban.forbidden:no update');
  });

  it('shows a script error by its detail', () => {
    expect(refusalReason(new ProblemError(422, { status: 422, title: 'A script failed', detail: 'boom at line 3' }), (n) => n, t)).toBe('boom at line 3');
  });
});
