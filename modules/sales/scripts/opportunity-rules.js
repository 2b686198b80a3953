// beforeSave of opportunity: a won deal must say how much and when.
if (record.stage === 'won') {
  if (!record.amount) errors.add('amount', 'A won opportunity needs an amount');
  if (!record.close_date) errors.add('close_date', 'A won opportunity needs a close date');
}
