using System.Text.Json;
using Platform.Records;
using Platform.Records.Security;
using Platform.Security.Tests.Support;
using Platform.Storage.Records;
using static Platform.Security.Tests.Support.TestUsers;

namespace Platform.Security.Tests;

/// <summary>Masked, read-only and hidden fields in what RecordService returns and accepts.</summary>
public abstract class FieldSecurityTests(SecurityHost host)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Masked_contact_phone_and_email_read_masked_in_get_and_list_for_a_salesperson()
    {
        var (created, _) = await host.Records.CreateAsync(host.Runtime, "contact",
            JsonSerializer.SerializeToElement(new { full_name = "Jin Li", phone = "13812341234", email = "jin@example.com" }), host.Actor(Alice), null, Ct);
        var id = (Guid)created!["id"]!;

        Assert.Equal("138****1234", created["phone"]);
        var got = await host.Records.GetAsync(host.Runtime, "contact", id, host.Actor(Alice), Ct);
        Assert.Equal("138****1234", got["phone"]);
        Assert.Equal("j***@example.com", got["email"]);
        var listed = (await host.Records.QueryAsync(host.Runtime, new RecordQuery("contact") { Filter = new ComparisonNode("id", ComparisonOperator.Eq, id) }, host.Actor(Bob), Ct)).Rows.Single();
        Assert.Equal("138****1234", listed["phone"]);
        // The manager's role restricts nothing: the full value.
        Assert.Equal("13812341234", (await host.Records.GetAsync(host.Runtime, "contact", id, host.Actor(Manager), Ct))["phone"]);
    }

    [Fact]
    public async Task Read_only_fields_are_refused_on_create_and_update_with_a_field_error()
    {
        var error = await Assert.ThrowsAsync<RecordValidationException>(() => host.AccountOfAsync(Clerk, "ro-1", new { annual_revenue = 5 }));
        Assert.Contains(error.Errors, e => e.Pointer == "/annual_revenue" && e.Message.Contains("read-only", StringComparison.Ordinal));

        var id = await host.AccountOfAsync(Clerk, "ro-2");
        var patch = await Assert.ThrowsAsync<RecordValidationException>(() => host.Records.UpdateAsync(host.Runtime, "account", id,
            JsonSerializer.SerializeToElement(new { annual_revenue = 7, description = "x" }), null, host.Actor(Clerk), Ct));
        Assert.Contains(patch.Errors, e => e.Pointer == "/annual_revenue");
        Assert.Contains(patch.Errors, e => e.Pointer == "/description" && e.Message.Contains("cannot be written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hidden_fields_are_left_out_and_masked_fields_masked_for_the_clerk()
    {
        var id = await host.AccountOfAsync(Alice, "hid-1");
        await host.Records.AssignAsync(host.Runtime, "account", id, host.IdOf(Clerk), host.Actor(Admin), Ct);
        await host.Records.UpdateAsync(host.Runtime, "account", id,
            JsonSerializer.SerializeToElement(new { description = "secret plan", phone = "02012345678", annual_revenue = 100 }), null, RecordActor.System, Ct);

        var row = await host.Records.GetAsync(host.Runtime, "account", id, host.Actor(Clerk), Ct);

        Assert.False(row.ContainsKey("description"));
        Assert.Equal("020****5678", row["phone"]);
        Assert.Equal(100m, row["annual_revenue"]);
    }

    [Fact]
    public async Task Formulas_compute_from_the_stored_values_of_fields_hidden_from_the_writer()
    {
        var (lead, _) = await host.Records.CreateAsync(host.Runtime, "lead",
            JsonSerializer.SerializeToElement(new { full_name = "Formula Lead" }), host.Actor(Clerk), null, Ct);
        var id = (Guid)lead!["id"]!;
        await host.Records.UpdateAsync(host.Runtime, "lead", id, JsonSerializer.SerializeToElement(new { phone = "13800000000" }), null, RecordActor.System, Ct);
        var withPhone = (long)(await host.Records.GetAsync(host.Runtime, "lead", id, RecordActor.System, Ct))["score"]!;

        var updated = await host.Records.UpdateAsync(host.Runtime, "lead", id, JsonSerializer.SerializeToElement(new { full_name = "Formula Lead 2" }), null, host.Actor(Clerk), Ct);

        Assert.False(updated.ContainsKey("phone"));
        Assert.Equal(withPhone, (long)updated["score"]!);
        Assert.Equal("13800000000", (await host.Records.GetAsync(host.Runtime, "lead", id, RecordActor.System, Ct))["phone"]);
    }

    [Fact]
    public async Task A_role_that_grants_nothing_on_an_entity_does_not_unmask_its_fields()
    {
        // The auditor role administers the tenant but grants no privilege on records (and names no field security).
        var salespersonAndAuditor = host.Actor(Alice) with { Roles = ["salesperson", "auditor"] };
        var (created, _) = await host.Records.CreateAsync(host.Runtime, "contact",
            JsonSerializer.SerializeToElement(new { full_name = "Masked Still", phone = "13812345678" }), host.Actor(Alice), null, Ct);

        var row = await host.Records.GetAsync(host.Runtime, "contact", (Guid)created!["id"]!, salespersonAndAuditor, Ct);

        Assert.Equal("138****5678", row["phone"]);
        Assert.Equal("masked", RecordService.AccessOf(host.Runtime, salespersonAndAuditor, "contact").Field("phone").Name);
    }

    [Theory]
    [InlineData("description")]
    [InlineData("phone")]
    public async Task Filtering_on_a_hidden_or_masked_field_is_refused(string field)
    {
        var query = new RecordQuery("account") { Filter = new StringMatchNode(field, StringMatch.StartsWith, "secret") };

        var refused = await Assert.ThrowsAsync<RecordQueryRefusedException>(() => host.Records.QueryAsync(host.Runtime, query, host.Actor(Clerk), Ct));

        Assert.Equal("$filter", refused.Parameter);
    }

    [Fact]
    public async Task Sorting_on_a_hidden_field_is_refused()
    {
        var query = new RecordQuery("account") { OrderBy = [new OrderTerm("description")] };

        var refused = await Assert.ThrowsAsync<RecordQueryRefusedException>(() => host.Records.QueryAsync(host.Runtime, query, host.Actor(Clerk), Ct));

        Assert.Equal("$orderby", refused.Parameter);
    }
}

public sealed class SqliteFieldSecurityTests(SqliteSecurityHost host) : FieldSecurityTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class PostgresFieldSecurityTests(PostgresSecurityHost host) : FieldSecurityTests(host), IClassFixture<PostgresSecurityHost>;
