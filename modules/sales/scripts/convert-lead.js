// Action "convert" on lead: creates the account, contact and opportunity the lead stands for, links the contact to the
// opportunity (its "contacts" relation), then marks the lead converted.
if (record.status === 'converted') {
  errors.add('status', 'This lead is already converted');
} else {
  const account = crm.create('account', { name: record.company || record.full_name, email: record.email || null, phone: record.phone || null });
  const contact = crm.create('contact', { full_name: record.full_name, account: account.id, email: record.email || null, phone: record.phone || null });
  const opportunity = crm.create('opportunity', {
    name: input.opportunityName || (record.company || record.full_name) + ' deal',
    account: account.id,
    amount: record.estimated_value || null,
  });
  crm.link('opportunity', opportunity.id, 'contacts', contact.id);
  crm.update('lead', record.id, { status: 'converted' });
  log.info('converted lead', record.number, 'to opportunity', opportunity.number);
  ({ account: account.id, contact: contact.id, opportunity: opportunity.id });
}
