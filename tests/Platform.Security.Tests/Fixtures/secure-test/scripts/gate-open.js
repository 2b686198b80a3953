// Runs only when the action's availableWhen let it: answers that it ran.
({ ran: true });
