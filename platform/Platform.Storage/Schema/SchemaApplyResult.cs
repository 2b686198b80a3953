namespace Platform.Storage.Schema;

public sealed record SchemaApplyResult(SchemaPlan Plan, bool Changed, bool Refused, string? Reason, long? Version)
{
    public static SchemaApplyResult Refuse(SchemaPlan plan, string reason) => new(plan, false, true, reason, null);
    public static SchemaApplyResult Unchanged(SchemaPlan plan) => new(plan, false, false, null, plan.Current?.Version);
    public static SchemaApplyResult Applied(SchemaPlan plan, long version) => new(plan, true, false, null, version);
}
