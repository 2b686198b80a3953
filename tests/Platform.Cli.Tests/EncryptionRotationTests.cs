using System.Text.Json;
using Platform.Cli.Tests.Support;
using Platform.Records;
using Platform.Runtime;
using Platform.Storage.Encryption;
using Platform.Tenancy;
using Platform.TestSupport;

namespace Platform.Cli.Tests;

/// <summary><c>encryption rotate</c>: every value re-encrypted under the new key, in batches, resumably; on both providers.</summary>
public abstract class EncryptionRotationTests : TenantStorageTests
{
    private const string Tenant = "acme";
    private static string HealthModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "health");

    [Fact]
    public async Task Rotate_re_encrypts_every_value_under_the_new_key_in_batches_and_a_rerun_has_nothing_left()
    {
        CliHarness.AssertExit(0, await CliHarness.RunAsync([.. new[] { "apply", CliHarness.ShippedModules[0], HealthModule, "--tenant", Tenant }, .. Storage.Arguments]));
        var oldKey = FieldCipher.NewKey();
        var old = FieldCipher.FromBase64(oldKey);
        var ids = new List<Guid>();
        var written = await RuntimeAsync(old);
        for (var i = 0; i < 5; i++)
            ids.Add((Guid)(await Create(written, $"Diagnosis {i}", "1980-05-17"))["id"]!);
        // One value of the first format (master key, no binding), as hosts before v2 wrote them.
        await SetRawAsync(written, ids[0], "diagnosis", old.Encrypt(PlaintextValueCodec.Write("Diagnosis 0")));

        var newKey = FieldCipher.NewKey();
        var environment = new Dictionary<string, string>
        {
            [EncryptionKeySettings.KeyVariable] = newKey, [EncryptionKeySettings.PreviousKeysVariable] = oldKey,
        };
        var rotate = await CliHarness.RunAsync(environment, [.. new[] { "encryption", "rotate", "--batch-size", "2" }, .. Storage.Arguments]);

        CliHarness.AssertExit(0, rotate);
        Assert.Contains("acme/patient_note: 2 rows read", rotate.Out);
        Assert.Contains("acme/patient_note: 5 rows read, 10 values re-encrypted", rotate.Out);
        var rotated = await RuntimeAsync(FieldCipher.FromBase64(newKey)); // the old key is not needed any more
        var service = new RecordService([]);
        for (var i = 0; i < 5; i++)
        {
            var row = await service.GetAsync(rotated, "patient_note", ids[i], RecordActor.System, CancellationToken.None);
            Assert.Equal($"Diagnosis {i}", row["diagnosis"]);
            Assert.Equal(new DateOnly(1980, 5, 17), row["born"]);
        }

        var again = await CliHarness.RunAsync(environment, [.. new[] { "encryption", "rotate", "--tenant", Tenant }, .. Storage.Arguments]);
        CliHarness.AssertExit(0, again);
        Assert.Contains("Done: 0 values re-encrypted", again.Out);
    }

    [Fact]
    public async Task Rotate_without_a_key_is_a_one_line_error()
    {
        var run = await CliHarness.RunAsync(new Dictionary<string, string>(), [.. new[] { "encryption", "rotate" }, .. Storage.Arguments]);

        CliHarness.AssertExit(1, run);
        Assert.Contains(EncryptionKeySettings.KeyVariable, run.Error);
    }

    private async Task<TenantRuntime> RuntimeAsync(FieldCipher cipher) =>
        (await new TenantRuntimeCache(new TenantCatalog(Storage.Options), cipher).GetAsync(Tenant, CancellationToken.None))!;

    private static async Task<Dictionary<string, object?>> Create(TenantRuntime runtime, string diagnosis, string born)
    {
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(new { title = "Visit", diagnosis, born }));
        var (created, _) = await new RecordService([]).CreateAsync(runtime, "patient_note", body.RootElement, RecordActor.System, null, CancellationToken.None);
        return created!;
    }

    private static async Task SetRawAsync(TenantRuntime runtime, Guid id, string column, string value)
    {
        var database = runtime.Store.Database;
        var d = database.Dialect;
        await using var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None);
        await using (var command = session.Command($"UPDATE {d.Table("patient_note", database.Schema)} SET {d.Quote(column)} = @p0 WHERE {d.Quote("id")} = @p1"))
        {
            Platform.Storage.Providers.DbCommandExtensions.AddParameter(command, "@p0", value);
            Platform.Storage.Providers.DbCommandExtensions.AddParameter(command, "@p1",
                Platform.Storage.Records.ColumnValueCodec.ToDb(runtime.Store.Table("patient_note").Column("id"), id, database.Provider));
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        await session.CommitAsync(CancellationToken.None);
    }
}

public sealed class SqliteEncryptionRotationTests : EncryptionRotationTests
{
    protected override Task<TenantStorage> CreateStorageAsync() => Task.FromResult<TenantStorage>(new SqliteTenantStorage());
}

public sealed class PostgresEncryptionRotationTests : EncryptionRotationTests
{
    protected override async Task<TenantStorage> CreateStorageAsync() => await PostgresTenantStorage.CreateAsync();
}
