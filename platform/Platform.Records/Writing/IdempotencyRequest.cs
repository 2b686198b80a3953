namespace Platform.Records.Writing;

/// <summary>
/// An Idempotency-Key on a create or a bulk batch. <paramref name="RequestHash"/> covers the route and body, so the
/// same key with another request is refused rather than replayed.
/// </summary>
public sealed record IdempotencyRequest(string Key, string RequestHash);

/// <summary>
/// A write answered from what its first run stored: the status and the created record's id (a create) or the batch's
/// counts and ids (a bulk batch) — never record values, which are rendered again with the caller's current view.
/// </summary>
public sealed record IdempotentReplay(int Status, Guid? RecordId, string? Body);
