using Platform.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Fields marked "encrypted": ciphertext in the database, clear text through the API.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task An_encrypted_field_is_ciphertext_in_the_raw_row_and_clear_text_through_the_api()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Visit", diagnosis = "Hypertension stage 2", born = "1980-05-17", weight = 81.5m })).Id();
        var twin = (await CreateAsync(tenant, "patient_note", new { title = "Twin", diagnosis = "Hypertension stage 2" })).Id();

        var read = await GetAsync(tenant, "patient_note", id);
        Assert.Equal("Hypertension stage 2", read.Str("diagnosis"));
        Assert.Equal("1980-05-17", read.Str("born"));
        Assert.Equal(81.5m, read.GetProperty("weight").GetDecimal());
        var listed = await ListAsync(tenant, "patient_note", ("$filter", $"id eq {id}"));
        Assert.Equal("Hypertension stage 2", listed.GetProperty("value")[0].Str("diagnosis"));

        var raw = await RawRowAsync(tenant, "patient_note", id, "diagnosis", "born", "weight");
        var rawTwin = await RawRowAsync(tenant, "patient_note", twin, "diagnosis");
        Assert.All(raw, value => Assert.StartsWith("enc:v2:", value));
        Assert.DoesNotContain("Hypertension", raw[0]);
        Assert.DoesNotContain("1980", raw[1]);
        Assert.DoesNotContain("81.5", raw[2]);
        Assert.NotEqual(raw[0], rawTwin[0]); // a random nonce per value: equal values do not look alike

        // An update is encrypted too, and the audit trail does not keep the clear text either.
        await ExpectAsync(await PatchAsync(tenant, "patient_note", id, new { diagnosis = "Resolved" }), HttpStatusCode.OK);
        Assert.Equal("Resolved", (await GetAsync(tenant, "patient_note", id)).Str("diagnosis"));
        Assert.DoesNotContain("Resolved", (await RawRowAsync(tenant, "patient_note", id, "diagnosis"))[0]);
        var trail = (await ExpectAsync(await Client.GetAsync(Data(tenant, "patient_note", id) + "/audit"), HttpStatusCode.OK)).GetRawText();
        Assert.DoesNotContain("Hypertension", trail);
        Assert.DoesNotContain("Resolved", trail);
        Assert.Contains("[encrypted]", trail);
    }

    [Theory]
    [InlineData("$filter", "diagnosis eq 'x'")]
    [InlineData("$filter", "startswith(diagnosis,'H')")]
    [InlineData("$orderby", "born desc")]
    public async Task An_encrypted_field_cannot_be_filtered_or_sorted_on(string option, string value)
    {
        var tenant = await Host.SharedAsync("health", () => Host.CreateTenantAsync(HealthModule));

        var problem = await ExpectProblemAsync(await Client.GetAsync(List(tenant, "patient_note", (option, value))), HttpStatusCode.BadRequest);

        Assert.Contains("encrypted", problem.GetRawText());
    }

    [Fact]
    public async Task An_encrypted_value_copied_into_another_record_fails_to_decrypt()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var source = (await CreateAsync(tenant, "patient_note", new { title = "A", diagnosis = "Hypertension" })).Id();
        var target = (await CreateAsync(tenant, "patient_note", new { title = "B", diagnosis = "Healthy" })).Id();

        await SetRawAsync(tenant, "patient_note", target, "diagnosis", (await RawRowAsync(tenant, "patient_note", source, "diagnosis"))[0]);

        var runtime = await RuntimeAsync(tenant);
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => runtime.Store.GetAsync(session, "patient_note", target, CancellationToken.None));
        Assert.Equal("Hypertension", (await GetAsync(tenant, "patient_note", source)).Str("diagnosis"));
    }

    [Fact]
    public async Task A_value_sealed_in_the_first_format_is_still_read_and_rewritten_on_its_next_write()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Old", diagnosis = "placeholder" })).Id();
        var master = Host.Services.GetRequiredService<Platform.Storage.Encryption.FieldCipher>();
        await SetRawAsync(tenant, "patient_note", id, "diagnosis", master.Encrypt(Platform.Storage.Encryption.PlaintextValueCodec.Write("Asthma")));

        Assert.Equal("Asthma", (await GetAsync(tenant, "patient_note", id)).Str("diagnosis"));

        await ExpectAsync(await PatchAsync(tenant, "patient_note", id, new { diagnosis = "Asthma, mild" }), HttpStatusCode.OK);
        Assert.StartsWith("enc:v2:", (await RawRowAsync(tenant, "patient_note", id, "diagnosis"))[0]);
    }

    [Fact]
    public async Task Encrypted_values_stay_readable_after_their_field_and_their_entity_are_renamed()
    {
        using var temp = new TempFolder();
        var module = temp.Copy(HealthModule, "health");
        var tenant = await Host.CreateTenantAsync(module);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Visit", diagnosis = "Hypertension", weight = 80.5m })).Id();

        var document = Path.Combine(module, "entities", "patient_note.json");
        File.WriteAllText(Path.Combine(module, "entities", "clinical_note.json"), File.ReadAllText(document)
            .Replace("\"name\": \"patient_note\",", "\"name\": \"clinical_note\", \"renamedFrom\": \"patient_note\",", StringComparison.Ordinal)
            .Replace("{ \"name\": \"diagnosis\",", "{ \"name\": \"finding\", \"renamedFrom\": \"diagnosis\",", StringComparison.Ordinal));
        File.Delete(document);
        await Host.ApplyAsync(tenant, [.. ApiHost.ShippedModules, module]);

        var read = await GetAsync(tenant, "clinical_note", id);
        Assert.Equal("Hypertension", read.Str("finding"));
        Assert.Equal(80.5m, read.GetProperty("weight").GetDecimal());
        await ExpectAsync(await PatchAsync(tenant, "clinical_note", id, new { title = "Visit, renamed" }), HttpStatusCode.OK);
        Assert.Equal("Hypertension", (await GetAsync(tenant, "clinical_note", id)).Str("finding"));

        // Applying the previous definitions undoes the renames, and the values follow them back.
        await Host.ApplyAsync(tenant, [.. ApiHost.ShippedModules, HealthModule]);
        Assert.Equal("Hypertension", (await GetAsync(tenant, "patient_note", id)).Str("diagnosis"));
    }

    [Fact]
    public async Task A_field_no_longer_marked_encrypted_keeps_its_values_readable_and_stores_them_in_clear()
    {
        using var temp = new TempFolder();
        var module = temp.Copy(HealthModule, "health");
        var tenant = await Host.CreateTenantAsync(module);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Visit", diagnosis = "Hypertension" })).Id();

        var document = Path.Combine(module, "entities", "patient_note.json");
        File.WriteAllText(document, File.ReadAllText(document)
            .Replace("\"type\": \"longtext\", \"encrypted\": true,", "\"type\": \"longtext\",", StringComparison.Ordinal));
        await Host.ApplyAsync(tenant, [.. ApiHost.ShippedModules, module]);

        Assert.Equal("Hypertension", (await GetAsync(tenant, "patient_note", id)).Str("diagnosis"));
        Assert.Equal("Hypertension", (await RawRowAsync(tenant, "patient_note", id, "diagnosis"))[0]);
    }

    [Fact]
    public async Task A_number_field_no_longer_marked_encrypted_is_refused_while_it_holds_encrypted_values()
    {
        using var temp = new TempFolder();
        var module = temp.Copy(HealthModule, "health");
        var tenant = await Host.CreateTenantAsync(module);
        var id = (await CreateAsync(tenant, "patient_note", new { title = "Visit", weight = 80.5m })).Id();
        var document = Path.Combine(module, "entities", "patient_note.json");
        File.WriteAllText(document, File.ReadAllText(document).Replace("\"scale\": 1, \"encrypted\": true", "\"scale\": 1", StringComparison.Ordinal));

        var result = await Host.Services.GetRequiredService<Platform.Runtime.ModuleInstaller>()
            .ApplyAsync(tenant, [.. ApiHost.ShippedModules, module], allowDataLoss: true, CancellationToken.None);

        Assert.True(result.Applied!.Refused);
        Assert.Contains("patient_note.weight", result.Applied.Reason);
        Assert.Equal(80.5m, (await GetAsync(tenant, "patient_note", id)).GetProperty("weight").GetDecimal());
    }

    /// <summary>Sets one column of a row to a raw stored value with plain SQL.</summary>
    private async Task SetRawAsync(string tenant, string table, Guid id, string column, string value)
    {
        var runtime = await RuntimeAsync(tenant);
        var database = runtime.Store.Database;
        var dialect = database.Dialect;
        await using var session = await runtime.Store.OpenAsync(write: true, CancellationToken.None);
        await using (var command = session.Command(
            $"UPDATE {dialect.Table(table, database.Schema)} SET {dialect.Quote(column)} = @p0 WHERE {dialect.Quote("id")} = @p1"))
        {
            command.AddParameter("@p0", value);
            command.AddParameter("@p1", ColumnValueCodec.ToDb(runtime.Store.Table(table).Column("id"), id, dialect.Provider));
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        await session.CommitAsync(CancellationToken.None);
    }

    /// <summary>Columns of a row exactly as the database holds them, read with plain SQL.</summary>
    private async Task<IReadOnlyList<string>> RawRowAsync(string tenant, string table, Guid id, params string[] columns)
    {
        var runtime = await RuntimeAsync(tenant);
        var database = runtime.Store.Database;
        var dialect = database.Dialect;
        await using var session = await runtime.Store.OpenAsync(write: false, CancellationToken.None);
        await using var command = session.Command(
            $"SELECT {string.Join(", ", columns.Select(dialect.Quote))} FROM {dialect.Table(table, database.Schema)} WHERE {dialect.Quote("id")} = @p0");
        command.AddParameter("@p0", ColumnValueCodec.ToDb(runtime.Store.Table(table).Column("id"), id, dialect.Provider));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return columns.Select((_, i) => reader.GetString(i)).ToList();
    }
}
