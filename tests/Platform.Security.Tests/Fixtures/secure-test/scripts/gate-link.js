// Links (or, with input.unlink, unlinks) input.target to input.id through input.relation of input.entity, as the caller.
const changed = input.unlink
  ? crm.unlink(input.entity, input.id, input.relation, input.target)
  : crm.link(input.entity, input.id, input.relation, input.target);
({ changed });
