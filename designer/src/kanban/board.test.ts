import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/client';
import type { FieldDef } from '../api/metadata';
import { columnFilter, columnListHref, etagOf, groupCards, moveCard, refusalReason } from './board';

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

  it('asks each column for its own records, quotes doubled', () => {
    expect(columnFilter(undefined, 'stage', 'won')).toBe("stage eq 'won'");
    expect(columnFilter("contains(name,'a')", 'stage', "o'k")).toBe("(contains(name,'a')) and stage eq 'o''k'");
  });

  it('links a capped column to the list, filtered to that column, keeping the other filters and leaving the board', () => {
    const href = columnListHref('/demo/opportunity', `?view=v1&board=1&page=3&f=${encodeURIComponent(JSON.stringify({ amount: { kind: 'number', min: 5 } }))}`, 'stage', 'won');
    const params = new URL(href, 'http://x').searchParams;
    expect(href.startsWith('/demo/opportunity?')).toBe(true);
    expect(params.get('board')).toBeNull();
    expect(params.get('page')).toBeNull();
    expect(params.get('view')).toBe('v1');
    expect(JSON.parse(params.get('f')!)).toEqual({ amount: { kind: 'number', min: 5 }, stage: { kind: 'choice', values: ['won'] } });
  });

  it('keeps the column totals right when a card moves', () => {
    const columns = [{ value: 'prospecting', cards: [rows[0]], total: 250 }, { value: 'won', cards: [rows[1]], total: 7 }];
    const moved = moveCard(columns, 'stage', 'a', 'won');
    expect(moved.map((c) => c.total)).toEqual([249, 8]);
  });
});
