using System.Text.Json;
using Platform.Records;
using Platform.Records.Writing;
using Platform.Security.Tests.Support;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>
/// Writes must not be an oracle: a lookup may point only to a record the writer can read, and a unique-value error
/// names the record holding the value (or the value of a masked field) only to a writer who could read it anyway.
/// </summary>
public abstract class WriteOracleTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<Guid> CreateAsync(TestUser user, string entity, object body)
    {
        var (created, _) = await host.Records.CreateAsync(host.Runtime, entity, JsonSerializer.SerializeToElement(body), host.Actor(user), null, Ct);
        return (Guid)created!["id"]!;
    }

    private Task<RecordValidationException> RefusedAsync(TestUser user, string entity, object body) =>
        Assert.ThrowsAsync<RecordValidationException>(() => CreateAsync(user, entity, body));

    [Fact]
    public async Task A_lookup_to_a_record_the_writer_may_not_read_is_refused_like_a_missing_one()
    {
        var carols = await host.AccountOfAsync(Carol, "lookup-unreadable");
        var alices = await host.AccountOfAsync(Alice, "lookup-teammate");

        var refused = await RefusedAsync(Alice, "activity", new { subject = "Call", account = carols, occurred_at = "2026-01-05T10:00:00Z" });

        Assert.Equal($"there is no account with id {carols}", refused.Errors.Single(e => e.Pointer == "/account").Message);
        // Bob reads his teammate's account, so he may point to it.
        await CreateAsync(Bob, "activity", new { subject = "Call", account = alices, occurred_at = "2026-01-05T10:00:00Z" });
        var contact = await CreateAsync(Alice, "contact", new { full_name = "Lookup Patch" });
        var patch = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.UpdateAsync(host.Runtime, "contact",
            contact, JsonSerializer.SerializeToElement(new { account = carols }), null, host.Actor(Alice), Ct));
        Assert.Contains(patch.Errors, e => e.Pointer == "/account");
    }

    [Fact]
    public async Task A_taken_unique_value_names_its_record_only_to_a_writer_who_may_read_it()
    {
        var carols = await host.AccountOfAsync(Carol, "unique-holder");
        var held = await CreateAsync(Carol, "opportunity", new { name = "Held", account = carols, contact_email = "held-by-carol@example.com" });
        var alices = await host.AccountOfAsync(Alice, "unique-writer");

        var refused = await RefusedAsync(Alice, "opportunity", new { name = "Mine", account = alices, contact_email = "held-by-carol@example.com" });
        var message = refused.Errors.Single(e => e.Pointer == "/contact_email").Message;
        Assert.Contains("already taken", message, StringComparison.Ordinal);
        Assert.DoesNotContain(held.ToString(), message, StringComparison.Ordinal);

        var admin = await RefusedAsync(Admin, "opportunity", new { name = "Admin's", account = alices, contact_email = "held-by-carol@example.com" });
        Assert.Contains(held.ToString(), admin.Errors.Single(e => e.Pointer == "/contact_email").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_batch_does_not_name_records_holding_its_unique_values_or_keys()
    {
        var carols = await host.AccountOfAsync(Carol, "bulk-holder");
        var held = await CreateAsync(Carol, "opportunity", new { name = "Held", account = carols, contact_email = "bulk-held@example.com" });
        var alices = await host.AccountOfAsync(Alice, "bulk-writer");
        var body = JsonSerializer.SerializeToElement(new { name = "Mine", account = alices, contact_email = "bulk-held@example.com" });

        foreach (var request in new[] { new BulkRequest(BulkMode.Create, null, [body]), new BulkRequest(BulkMode.Upsert, "contact_email", [body]) })
        {
            var refused = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.BulkAsync(host.Runtime, "opportunity", request, host.Actor(Alice), Ct));
            Assert.NotEmpty(refused.Errors);
            Assert.All(refused.Errors, e => Assert.DoesNotContain(held.ToString(), e.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_unique_check_does_not_confirm_the_value_of_a_field_masked_for_the_writer()
    {
        // Contact e-mail is unique and masked for salespeople; Bob may even read Alice's contact.
        await CreateAsync(Alice, "contact", new { full_name = "Masked Holder", email = "masked-holder@example.com" });

        var refused = await RefusedAsync(Bob, "contact", new { full_name = "Masked Prober", email = "masked-holder@example.com" });

        Assert.Equal("this value cannot be used", refused.Errors.Single(e => e.Pointer == "/email").Message);
        // Nor can a masked field be the key of an upsert, whose insert-or-update would tell the same.
        var upsert = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.BulkAsync(host.Runtime, "contact",
            new BulkRequest(BulkMode.Upsert, "email", [JsonSerializer.SerializeToElement(new { full_name = "Upsert Prober", email = "masked-holder@example.com" })]),
            host.Actor(Bob), Ct));
        Assert.Equal("/key", upsert.Errors.Single().Pointer);
    }
}

public sealed class SqliteWriteOracleTests(SqliteSecurityHost host) : WriteOracleTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresWriteOracleTests(PostgresSecurityHost host) : WriteOracleTests(host), IClassFixture<PostgresSecurityHost>;
