// Reads accounts through crm as the caller: what comes back is what the caller may see.
const found = crm.query('account', input.filter || null, 100);
({
  names: found.map(a => a.name).sort(),
  phones: found.map(a => a.phone),
  got: input.id ? (crm.get('account', input.id) ? 'found' : 'missing') : null,
});
