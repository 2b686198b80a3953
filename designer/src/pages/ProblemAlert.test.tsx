import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import '../i18n';
import { ProblemError } from '../api/client';
import { ProblemAlert } from './RecordPage';

describe('problem documents', () => {
  it('keys field errors by the pointer\'s field', () => {
    const e = new ProblemError(422, { type: 'https://platform.dev/problems/validation', errors: [
      { pointer: '/amount', detail: 'needs an amount' }, { pointer: '/close_date', detail: 'needs a date' }, { pointer: '', detail: 'whole record' }] });
    expect(e.fieldErrors()).toEqual({ amount: ['needs an amount'], close_date: ['needs a date'], '': ['whole record'] });
  });
  it('shows a script error with its script, line and column', () => {
    render(<ProblemAlert onClose={() => {}} problem={{ type: 'https://platform.dev/problems/script-error', title: 'A script failed',
      message: 'record.x is not a function', script: 'scripts/opportunity-rules.js', line: 3, column: 7 }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('A script refused the save');
    expect(alert.textContent).toContain('record.x is not a function');
    expect(alert.textContent).toContain('scripts/opportunity-rules.js, line 3, column 7');
  });
});
