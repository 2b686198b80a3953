// Library "lead-scoring" (declared in module.json): the lead's score formula uses it, and any other script of the
// tenant can too, e.g. const { score } = require('lead-scoring');
const sourcePoints = { referral: 30, event: 20, web: 10 };

/** 0 to 100: contact details, source, and up to 20 points for the estimated value (one per 5,000). */
function score(lead) {
  return (lead.email ? 20 : 0) + (lead.phone ? 10 : 0) + (lead.company ? 20 : 0)
    + (sourcePoints[lead.source] || 0)
    + Math.min(20, Math.floor((lead.estimated_value || 0) / 5000));
}

module.exports = { score: score };
