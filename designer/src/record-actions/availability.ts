// Which custom actions a loaded record is offered: an action with "availableWhen" (the forms' JSON condition) only
// while it holds for the record as last read from the server, so a converted lead shows no "Convert". The server
// decides again (409) on the stored record. An action whose condition names a field the caller does not read in full
// (masked or hidden) never gets here: entityActions leaves it out (access.actions), so no placeholder is evaluated.
import { evaluate } from '../forms/conditions';
import type { EntityAction } from './api';

/** The actions offered for the record; none of the gated ones until the record is loaded. */
export function availableActions(actions: EntityAction[], record: Record<string, unknown> | undefined): EntityAction[] {
  return actions.filter((a) => !a.availableWhen || (record !== undefined && evaluate(a.availableWhen, record)));
}
