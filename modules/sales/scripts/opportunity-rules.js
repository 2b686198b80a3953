// beforeSave of opportunity. The form's stage bar (forms/opportunity.json) asks for each stage's key fields before
// moving on; this is the same rule on the server, so a kanban drag, an import or an API call cannot skip it.
// Lost is always allowed: a deal may be lost at any stage.
var later = { qualification: 1, proposal: 2, won: 3 };
var step = later[record.stage] || 0;
if (step >= 1 && !record.amount) errors.add('amount', record.stage === 'won' ? 'A won opportunity needs an amount' : 'An opportunity past prospecting needs an amount');
if (step >= 2 && !record.close_date) errors.add('close_date', record.stage === 'won' ? 'A won opportunity needs a close date' : 'An opportunity at proposal or later needs a close date');
