// Runs for notes deleted with their account too: a note marked 'keep' refuses, and with it the account's delete.
if (record.label === 'keep') errors.add('label', 'this note is kept');
