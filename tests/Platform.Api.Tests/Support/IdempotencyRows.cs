using Microsoft.Extensions.DependencyInjection;
using Platform.Metadata.FieldTypes;
using Platform.Records.Writing;
using Platform.Runtime;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;

namespace Platform.Api.Tests.Support;

/// <summary>Direct reads and changes of a tenant's platform_idempotency rows, for what the API cannot show.</summary>
public static class IdempotencyRows
{
    /// <summary>Every stored row as the text of its columns.</summary>
    public static async Task<IReadOnlyList<string>> ReadAllAsync(ApiHost host, string tenant)
    {
        var database = await DatabaseAsync(host, tenant);
        var d = database.Dialect;
        await using var session = await RecordSession.OpenAsync(database, write: false, CancellationToken.None);
        await using var command = session.Command(
            $"SELECT {d.Quote("key")}, {d.Quote("location")}, {d.Quote("response")} FROM {d.Table(IdempotencyTables.Idempotency, database.Schema)}");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, 3).Select(i => reader.IsDBNull(i) ? "null" : reader.GetString(i))));
        return rows;
    }

    /// <summary>Moves every row's creation time back by <paramref name="age"/>.</summary>
    public static async Task AgeAsync(ApiHost host, string tenant, TimeSpan age)
    {
        var database = await DatabaseAsync(host, tenant);
        var d = database.Dialect;
        await using var session = await RecordSession.OpenAsync(database, write: true, CancellationToken.None);
        await using var command = session.Command($"UPDATE {d.Table(IdempotencyTables.Idempotency, database.Schema)} SET {d.Quote("created_at")} = @p0");
        command.AddParameter("@p0", ColumnValueCodec.ToDb(new ColumnModel("created_at", ValueKind.DateTime, typeof(DateTime), false), DateTime.UtcNow - age, database.Provider));
        await command.ExecuteNonQueryAsync();
        await session.CommitAsync(CancellationToken.None);
    }

    private static async Task<TenantDatabase> DatabaseAsync(ApiHost host, string tenant) =>
        (await host.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, CancellationToken.None))!.Store.Database;
}
