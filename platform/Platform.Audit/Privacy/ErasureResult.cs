namespace Platform.Audit.Privacy;

/// <summary>
/// What an erasure changed: the records and fields anonymised, how many earlier audit entries it scrubbed, and what it
/// could not touch for lack of rights (so the request can be finished by someone who has them).
/// </summary>
public sealed record ErasureResult(IReadOnlyList<ErasedRecord> Records, int ScrubbedAuditEntries, IReadOnlyList<UntouchedRecord> Untouched);

public sealed record ErasedRecord(string Entity, Guid Id, IReadOnlyList<string> Fields);

/// <summary>A record the erasure left (whole, or <see cref="Fields"/> of it) because the actor may not change it.</summary>
/// <param name="Reason"><see cref="ErasureRights"/>' reasons: out-of-scope, no-update-right, protected-fields.</param>
public sealed record UntouchedRecord(string Entity, Guid Id, string Reason, IReadOnlyList<string> Fields);
