using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Platform.Storage.Providers;

namespace Platform.Benchmarks.Hosting;

/// <summary>
/// The hand-written comparison: minimal-API endpoints that query the tenant's opportunity table directly with
/// ADO.NET (a pooled connection per request, a parameterised SELECT of the same columns) and serialise a DTO
/// with System.Text.Json. They run in the same process, behind the same middleware, as the generated API.
/// </summary>
public static class BaselineEndpoints
{
    public const string GetPath = "/baseline/opportunity/";
    public const string ListPath = "/baseline/opportunity";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Map(IEndpointRouteBuilder endpoints, TenantDatabase database)
    {
        var source = new BaselineSource(database);
        endpoints.MapGet(GetPath + "{id:guid}", async (Guid id, HttpContext http) =>
        {
            await using var connection = await source.OpenAsync(http.RequestAborted);
            await using var command = connection.CreateCommand();
            command.CommandText = source.GetSql;
            command.Parameters.Add(source.Parameter(command, "@id", source.Id(id)));
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            return await reader.ReadAsync(http.RequestAborted)
                ? Results.Json(source.Read(reader), Json)
                : Results.NotFound();
        });
        endpoints.MapGet(ListPath, async (string stage, decimal minAmount, HttpContext http) =>
        {
            await using var connection = await source.OpenAsync(http.RequestAborted);
            await using var command = connection.CreateCommand();
            command.CommandText = source.ListSql;
            command.Parameters.Add(source.Parameter(command, "@stage", stage));
            command.Parameters.Add(source.Parameter(command, "@min_amount", source.Amount(minAmount)));
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            var page = new List<OpportunityDto>(50);
            while (await reader.ReadAsync(http.RequestAborted)) page.Add(source.Read(reader));
            return Results.Json(new OpportunityPage(page), Json);
        });
    }

    /// <summary>
    /// SQL and value handling for one provider, written once at start-up. It reads every column the entity's record
    /// JSON carries (the sales module's fields plus the system columns), so both sides return the same data.
    /// </summary>
    private sealed class BaselineSource
    {
        private const string Columns = "id, name, account, stage, amount, probability, close_date, number, tags, contact_email, notes, " +
                                       "discount, discount_approved, created_at, created_by, modified_at, modified_by, owner, row_version";

        private readonly bool _sqlite;
        private readonly string _connectionString;
        private readonly NpgsqlDataSource? _postgres;

        public BaselineSource(TenantDatabase database)
        {
            _sqlite = database.Provider == DatabaseProvider.Sqlite;
            _connectionString = database.ConnectionString;
            _postgres = _sqlite ? null : NpgsqlDataSource.Create(database.ConnectionString);
            var table = _sqlite ? "opportunity" : $"{database.Schema}.opportunity";
            GetSql = $"SELECT {Columns} FROM {table} WHERE id = @id";
            // Same shape as the generated query: index (stage, close_date), id as the tie-breaker.
            ListSql = $"SELECT {Columns} FROM {table} WHERE stage = @stage AND amount > @min_amount ORDER BY close_date DESC, id LIMIT 50";
        }

        public string GetSql { get; }
        public string ListSql { get; }

        public async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
        {
            if (_postgres is not null) return await _postgres.OpenConnectionAsync(ct);
            var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(ct);
            return connection;
        }

        public DbParameter Parameter(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            return parameter;
        }

        // SQLite stores ids as text and money as integer cents (the platform's storage format).
        public object Id(Guid id) => _sqlite ? id.ToString("D") : id;
        public object Amount(decimal amount) => _sqlite ? (long)(amount * 100) : amount;

        public OpportunityDto Read(DbDataReader r) => new(
            Guid(r, 0), r.GetString(1), Guid(r, 2), Text(r, 3),
            r.IsDBNull(4) ? null : _sqlite ? r.GetInt64(4) / 100m : r.GetDecimal(4),
            r.IsDBNull(5) ? null : r.GetInt64(5),
            r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
            Text(r, 7),
            r.IsDBNull(8) ? [] : JsonSerializer.Deserialize<string[]>(r.GetString(8)) ?? [],
            Text(r, 9), Text(r, 10),
            r.IsDBNull(11) ? null : _sqlite ? r.GetInt64(11) / 100m : r.GetDecimal(11),
            r.IsDBNull(12) ? null : _sqlite ? r.GetInt64(12) != 0 : r.GetBoolean(12),
            Time(r, 13), NullableGuid(r, 14), Time(r, 15), NullableGuid(r, 16), NullableGuid(r, 17), r.GetInt64(18));

        private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
        private static Guid Guid(DbDataReader r, int i) => r.GetGuid(i);
        private static Guid? NullableGuid(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
        private static DateTime Time(DbDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);
    }
}

public sealed record OpportunityDto(
    Guid Id, string Name, Guid Account, string? Stage, decimal? Amount, long? Probability, DateOnly? CloseDate, string? Number,
    string[] Tags, string? ContactEmail, string? Notes, decimal? Discount, bool? DiscountApproved, DateTime CreatedAt, Guid? CreatedBy, DateTime ModifiedAt, Guid? ModifiedBy,
    Guid? Owner, long RowVersion);

public sealed record OpportunityPage(IReadOnlyList<OpportunityDto> Value);
