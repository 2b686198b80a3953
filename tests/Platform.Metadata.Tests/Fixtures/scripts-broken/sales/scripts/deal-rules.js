if (record.amount > 0) {
  errors.add('amount', 'x';
}
