import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { FieldDef } from '../api/metadata';
import { registry, specOf } from './registry';
import { guardComposingEnter } from '../ime';

function renderField(field: FieldDef, label: string) {
  const Input = specOf(field).Input;
  const Wrapper = (p: { id?: string; value?: unknown; onChange?: (v: unknown) => void }) =>
    <>{Input({ id: p.id, field, lang: 'en', tenant: 'demo', value: p.value, onChange: p.onChange })}</>;
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <Form><Form.Item name={field.name} label={label}><Wrapper /></Form.Item></Form>
    </QueryClientProvider>,
  );
}

describe('field registry', () => {
  it('has a widget for every field type', () => {
    for (const t of ['text', 'longtext', 'integer', 'decimal', 'currency', 'boolean', 'date', 'datetime', 'choice', 'multichoice', 'email', 'phone', 'url', 'lookup', 'autonumber'])
      expect(registry[t], t).toBeDefined();
  });
  it.each([
    ['text', 'Name'], ['longtext', 'Notes'], ['integer', 'Employees'], ['currency', 'Amount'], ['boolean', 'Do not email'],
    ['date', 'Close date'], ['choice', 'Stage'], ['email', 'Email'],
  ])('labels the %s input with its field label', (type, label) => {
    renderField({ name: 'f', type, options: [{ value: 'a', label: 'A' }] }, label);
    expect(screen.getByLabelText(label)).toBeTruthy();
  });
  it('shows choices, e-mail and lookups as text and links', () => {
    const { container } = render(<div>
      {registry.email.display('a@b.c', { name: 'e', type: 'email' }, { lang: 'en' })}
      {registry.choice.display('won', { name: 's', type: 'choice', options: [{ value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }] }, { lang: 'zh-CN' })}
    </div>);
    expect(container.querySelector('a[href="mailto:a@b.c"]')).toBeTruthy();
    expect(container.textContent).toContain('赢单');
  });
  it('does not submit a form on Enter while an input method is composing', () => {
    const onFinish = vi.fn();
    render(<Form onFinish={onFinish} onKeyDownCapture={guardComposingEnter}>
      <Form.Item name="name" label="Name">{registry.text.Input({ field: { name: 'name', type: 'text' }, lang: 'zh-CN', tenant: 'demo' })}</Form.Item>
    </Form>);
    const input = screen.getByLabelText('Name');
    const ev = fireEvent.keyDown(input, { key: 'Enter', keyCode: 229, isComposing: true });
    expect(ev).toBe(false); // default prevented: no implicit submission
    expect(onFinish).not.toHaveBeenCalled();
  });
});

describe('plugin field types', () => {
  it('get the widget of their storage kind', async () => {
    const { registerFieldTypes, storageSpecs } = await import('./registry');
    registerFieldTypes([{ name: 'rating', storage: 'integer' }, { name: 'labels', storage: 'stringList' }, { name: 'flag', storage: 'boolean' }]);
    expect(specOf({ name: 'r', type: 'rating' })).toBe(registry.integer);
    expect(specOf({ name: 'l', type: 'labels' })).toBe(storageSpecs.stringList);
    expect(specOf({ name: 'f', type: 'flag' })).toBe(registry.boolean);
    expect(specOf({ name: 'x', type: 'unknown-kind' })).toBe(registry.text);
  });
});
