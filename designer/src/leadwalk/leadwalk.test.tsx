import { describe, expect, it, vi } from 'vitest';
import { App } from 'antd';
import { ProblemError } from '../api/client';
import { recordsApi } from '../api/records';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { EntityDef } from '../api/metadata';
import { madeRecords } from '../record-actions/ActionOutcome';
import { mayCreate, QuickCreateModal, quickCreateFields } from '../fields/QuickCreate';
import { LookupInput } from '../fields/LookupInput';
import './messages';

const account = (create: string): EntityDef => ({
  name: 'account', label: { en: 'Account' }, primaryField: 'name',
  fields: [
    { name: 'tier', type: 'choice', required: true, default: 'regular', options: [{ value: 'regular', label: 'Regular' }] },
    { name: 'name', type: 'text', required: true, label: { en: 'Name' } },
    { name: 'region', type: 'text', required: true, label: { en: 'Region' } },
    { name: 'secret', type: 'text', required: true },
    { name: 'score', type: 'integer', required: true, formula: '1' },
    { name: 'number', type: 'autonumber', required: true },
    { name: 'city', type: 'text' },
  ],
  access: { privileges: { create, read: 'tenant' }, fields: { secret: 'hidden' } },
} as unknown as EntityDef);

describe('an action\'s outcome', () => {
  const entities = [account('tenant'), { name: 'opportunity', fields: [] } as unknown as EntityDef];
  it('names the records the script made: properties named after an entity holding a record id', () => {
    const made = madeRecords({ account: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', opportunity: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', note: 'x', contact: 'not-an-id' }, entities);
    expect(made.map((m) => [m.entity.name, m.id])).toEqual([
      ['account', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'], ['opportunity', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c']]);
  });
  it('names nothing for a result that is not an object of ids', () => {
    expect(madeRecords(null, entities)).toEqual([]);
    expect(madeRecords(['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'], entities)).toEqual([]);
    expect(madeRecords({ unknown: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, entities)).toEqual([]);
  });
});

describe('quick create', () => {
  it('asks for the primary field first, then the other required fields the user may edit', () => {
    expect(quickCreateFields(account('tenant')).map((f) => f.name)).toEqual(['name', 'region']);
  });
  it('is offered only to users who may create the entity', () => {
    expect(mayCreate(account('own'))).toBe(true);
    expect(mayCreate(account('none'))).toBe(false);
    expect(mayCreate(undefined)).toBe(false);
  });

  function renderLookup(create: string) {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    client.setQueryData(['entity', 'demo', 'account'], account(create));
    client.setQueryData(['lookup', 'demo', 'account', 'name', ''], { value: [{ id: 'a1', name: 'Acme' }] });
    render(<QueryClientProvider client={client}>
      <LookupInput id="acc" field={{ name: 'account', type: 'lookup', target: 'account' }} lang="en" tenant="demo" aria-label="Account" />
    </QueryClientProvider>);
    fireEvent.mouseDown(screen.getByLabelText('Account'));
  }
  it('adds "Create a new …" under the matches for a user who may create the target', async () => {
    renderLookup('own');
    await waitFor(() => expect(screen.getByText('Acme')).toBeTruthy());
    expect(screen.getByText(/Create a new Account/)).toBeTruthy();
  });
  it('offers no create to a user who may not create the target', async () => {
    renderLookup('none');
    await waitFor(() => expect(screen.getByText('Acme')).toBeTruthy());
    expect(screen.queryByText(/Create/)).toBeNull();
  });
});

describe('the quick create dialog', () => {
  function renderModal(onCreated: (r: Record<string, unknown>) => void) {
    render(<App><QueryClientProvider client={new QueryClient()}>
      <QuickCreateModal tenant="demo" entity={account('tenant')} text="Acme" lang="en" onCreated={onCreated} onClose={() => {}} />
    </QueryClientProvider></App>);
  }
  it('fills the primary field with the typed text and creates the record with what was entered', async () => {
    const create = vi.spyOn(recordsApi, 'create').mockResolvedValue({ record: { id: 'n1', name: 'Acme' }, etag: null });
    const created = vi.fn();
    renderModal(created);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Acme');
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'East' } });
    fireEvent.click(screen.getByRole('button', { name: /Create/ }));
    await waitFor(() => expect(created).toHaveBeenCalledWith({ id: 'n1', name: 'Acme' }));
    expect(create).toHaveBeenCalledWith('demo', 'account', { name: 'Acme', region: 'East' });
    create.mockRestore();
  });
  it('shows the host\'s validation errors at their fields and creates nothing', async () => {
    const create = vi.spyOn(recordsApi, 'create').mockRejectedValue(new ProblemError(422, {
      type: 'https://platform.local/problems/validation', title: 'The record is not valid', errors: [{ pointer: '/region', detail: 'Region must be a known region' }],
    }));
    const created = vi.fn();
    renderModal(created);
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'Atlantis' } });
    fireEvent.click(screen.getByRole('button', { name: /Create/ }));
    await waitFor(() => expect(screen.getByText('Region must be a known region')).toBeTruthy());
    expect(screen.getByLabelText('Region').getAttribute('aria-invalid')).toBe('true');
    expect(created).not.toHaveBeenCalled();
    create.mockRestore();
  });
});
