namespace Platform.Audit.Privacy;

/// <summary>What an erasure changed: the records and fields anonymised, and how many earlier audit entries it scrubbed.</summary>
public sealed record ErasureResult(IReadOnlyList<ErasedRecord> Records, int ScrubbedAuditEntries);

public sealed record ErasedRecord(string Entity, Guid Id, IReadOnlyList<string> Fields);
