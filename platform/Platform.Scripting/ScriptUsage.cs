namespace Platform.Scripting;

/// <summary>What one run used, reported next to its limits so governor failures are never opaque.</summary>
public sealed record ScriptUsage(TimeSpan Elapsed, long Statements, int CrmQueries, int CrmWrites, long AllocatedBytes);
