using Platform.Runtime;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Workflows.Runtime;
using static Platform.Workflows.Approvals.ApprovalTables;

namespace Platform.Workflows.Approvals;

/// <summary>A user's out-of-office delegation: approval tasks assigned to them from <c>From</c> until <c>Until</c> go to the delegate.</summary>
public sealed record Delegation(Guid UserId, Guid DelegateUserId, DateTime From, DateTime Until)
{
    public bool Covers(DateTime at) => at >= From && at < Until;
}

public static class DelegationStore
{
    public static async Task<Delegation?> FindAsync(TenantRuntime runtime, Guid user, CancellationToken ct)
    {
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        return await FindAsync(session, runtime.Store.Database, user, ct);
    }

    /// <summary>Read in the step's session when a task is assigned.</summary>
    public static async Task<Delegation?> FindAsync(RecordSession session, TenantDatabase database, Guid user, CancellationToken ct)
    {
        var s = new WorkflowSql(database);
        await using var command = session.Command(
            $"SELECT {s.Columns("delegate_user_id", "from_at", "until_at")} FROM {s.T(Delegations)} WHERE {s.Q("user_id")} = @u");
        s.Add(command, "@u", Delegations, "user_id", user);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Delegation(user, s.Read<Guid>(reader, 0, Delegations, "delegate_user_id"), s.Read<DateTime>(reader, 1, Delegations, "from_at"),
            s.Read<DateTime>(reader, 2, Delegations, "until_at"));
    }

    public static async Task SaveAsync(TenantRuntime runtime, Delegation delegation, DateTime now, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        await using (var command = session.Command(
            $"INSERT INTO {s.T(Delegations)} ({s.Columns("user_id", "delegate_user_id", "from_at", "until_at", "saved_at")}) VALUES (@u, @d, @f, @t, @s) " +
            $"ON CONFLICT ({s.Q("user_id")}) DO UPDATE SET {s.Q("delegate_user_id")} = @d, {s.Q("from_at")} = @f, {s.Q("until_at")} = @t, {s.Q("saved_at")} = @s"))
        {
            s.Add(command, "@u", Delegations, "user_id", delegation.UserId);
            s.Add(command, "@d", Delegations, "delegate_user_id", delegation.DelegateUserId);
            s.Add(command, "@f", Delegations, "from_at", delegation.From);
            s.Add(command, "@t", Delegations, "until_at", delegation.Until);
            s.Add(command, "@s", Delegations, "saved_at", now);
            await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
    }

    public static async Task<bool> DeleteAsync(TenantRuntime runtime, Guid user, CancellationToken ct)
    {
        var s = new WorkflowSql(runtime.Store.Database);
        await using var session = await runtime.Store.OpenAsync(write: true, ct);
        int deleted;
        await using (var command = session.Command($"DELETE FROM {s.T(Delegations)} WHERE {s.Q("user_id")} = @u"))
        {
            s.Add(command, "@u", Delegations, "user_id", user);
            deleted = await command.ExecuteNonQueryAsync(ct);
        }
        await session.CommitAsync(ct);
        return deleted > 0;
    }
}
