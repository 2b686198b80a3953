import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../api/metadata';
import { missingForMove, nextStage, type StageBarDoc } from './stageBar';

const stage: FieldDef = { name: 'stage', type: 'choice', options: ['prospecting', 'qualification', 'proposal', 'won', 'lost'].map((value) => ({ value })) };
const bar: StageBarDoc = { field: 'stage', stages: { prospecting: { fields: ['account', 'amount'] }, qualification: { fields: ['close_date'] } } };

describe('stage bar', () => {
  it('refuses moving on while a key field of the current stage is empty and names it', () => {
    expect(missingForMove(bar, stage, { stage: 'prospecting', account: 'x', amount: null }, 'qualification')).toEqual(['amount']);
  });

  it('checks every stage skipped on the way to a later one', () => {
    expect(missingForMove(bar, stage, { stage: 'prospecting', account: 'x', amount: 5 }, 'proposal')).toEqual(['close_date']);
  });

  it('lets a record move back, or to lost, with empty key fields', () => {
    expect(missingForMove(bar, stage, { stage: 'qualification' }, 'prospecting')).toEqual([]);
    expect(missingForMove(bar, stage, { stage: 'prospecting' }, 'lost')).toEqual([]);
  });

  it('finds the next stage in option order and none after the last open one', () => {
    expect(nextStage(bar, stage, 'prospecting')).toBe('qualification');
    expect(nextStage(bar, stage, 'won')).toBeNull();
  });
});
