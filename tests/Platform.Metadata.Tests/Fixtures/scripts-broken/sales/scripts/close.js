record.stage = 'closed';
