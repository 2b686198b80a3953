using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// crm.link / crm.unlink: the lead's convert action links the new contact to the new opportunity; a script's link is
/// the API's (idempotent, audited, within the script's tenant only); a bad relation or record stops the script at its line.
/// </summary>
public abstract partial class ApiTests
{
    /// <summary>A module whose "linker" action links or unlinks what its input names, as the caller.</summary>
    private static string LinkerModule(TempFolder temp)
    {
        temp.Write("linker/module.json", """{ "id": "linker", "version": "1.0.0", "dependsOn": { "sales": "^1.0.0" } }""");
        temp.Write("linker/entities/linker.json", """
            { "name": "linker", "fields": [ { "name": "name", "type": "text" } ], "actions": { "run": { "script": "scripts/link.js" } } }
            """);
        temp.Write("linker/scripts/link.js", """
            // Links or unlinks input.target to input.id through input.relation of input.entity.
            const changed = input.unlink ? crm.unlink(input.entity, input.id, input.relation, input.target) : crm.link(input.entity, input.id, input.relation, input.target);
            if (input.fail) throw new Error('failing after the link');
            ({ changed });
            """);
        return Path.Combine(temp.Path, "linker");
    }

    private async Task<HttpResponseMessage> RunLinkerAsync(string tenant, object input)
    {
        var linker = (await CreateAsync(tenant, "linker", new { name = "l" })).Id();
        return await Client.PostAsync(Data(tenant, "linker", linker) + "/actions/run", Body(input));
    }

    private async Task<(Guid Opportunity, Guid Contact)> DealAndContactAsync(string tenant)
    {
        var account = await CreateAccountAsync(tenant);
        var deal = (await CreateAsync(tenant, "opportunity", new { name = "Deal", account })).Id();
        var contact = (await CreateAsync(tenant, "contact", new { full_name = "Pat Lee", account })).Id();
        return (deal, contact);
    }

    private async Task<IReadOnlyList<JsonElement>> OpportunityContactsAsync(string tenant, Guid opportunity) =>
        (await ExpectAsync(await Client.GetAsync(Data(tenant, "opportunity", opportunity) + "/contacts"), HttpStatusCode.OK)).Values();

    [Fact]
    public async Task Converting_a_lead_links_the_new_contact_to_the_new_opportunity_and_audits_the_link()
    {
        var tenant = await Host.CreateTenantAsync();
        var lead = await CreateAsync(tenant, "lead", new { full_name = "Mia Chen", company = "Chen Ltd", email = "mia@chen.example" });

        var converted = await ExpectAsync(await Client.PostAsync(Data(tenant, "lead", lead.Id()) + "/actions/convert", Body(new { })), HttpStatusCode.OK);

        var result = converted.GetProperty("result");
        var opportunity = Guid.Parse(result.Str("opportunity"));
        var contact = Assert.Single(await OpportunityContactsAsync(tenant, opportunity));
        Assert.Equal(result.Str("contact"), contact.Str("id"));
        Assert.Equal("Mia Chen", contact.Str("full_name"));
        var link = Assert.Single(await AuditEntriesAsync(AdminAudit(tenant, ("entity", "opportunity"), ("record", opportunity.ToString()), ("action", "link"))));
        Assert.Equal("contacts", link.GetProperty("details").Str("relation"));
        Assert.Equal(result.Str("contact"), link.GetProperty("details").Str("targetId"));
    }

    [Fact]
    public async Task Linking_twice_from_a_script_is_idempotent_and_unlinking_says_whether_there_was_a_link()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(LinkerModule(temp));
        var (deal, contact) = await DealAndContactAsync(tenant);
        var input = new { entity = "opportunity", id = deal, relation = "contacts", target = contact };

        var first = await ExpectAsync(await RunLinkerAsync(tenant, input), HttpStatusCode.OK);
        var second = await ExpectAsync(await RunLinkerAsync(tenant, input), HttpStatusCode.OK);

        Assert.True(first.GetProperty("result").GetProperty("changed").GetBoolean());
        Assert.False(second.GetProperty("result").GetProperty("changed").GetBoolean());
        Assert.Single(await OpportunityContactsAsync(tenant, deal));
        Assert.Single(await AuditEntriesAsync(AdminAudit(tenant, ("entity", "opportunity"), ("record", deal.ToString()), ("action", "link"))));

        var removed = await ExpectAsync(await RunLinkerAsync(tenant, new { input.entity, input.id, input.relation, input.target, unlink = true }), HttpStatusCode.OK);
        var none = await ExpectAsync(await RunLinkerAsync(tenant, new { input.entity, input.id, input.relation, input.target, unlink = true }), HttpStatusCode.OK);
        Assert.True(removed.GetProperty("result").GetProperty("changed").GetBoolean());
        Assert.False(none.GetProperty("result").GetProperty("changed").GetBoolean());
        Assert.Empty(await OpportunityContactsAsync(tenant, deal));
        Assert.Single(await AuditEntriesAsync(AdminAudit(tenant, ("entity", "opportunity"), ("record", deal.ToString()), ("action", "unlink"))));
    }

    [Fact]
    public async Task A_link_made_by_an_action_that_then_fails_is_not_kept_nor_audited()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(LinkerModule(temp));
        var (deal, contact) = await DealAndContactAsync(tenant);

        var problem = await ExpectProblemAsync(await RunLinkerAsync(tenant, new { entity = "opportunity", id = deal, relation = "contacts", target = contact, fail = true }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Empty(await OpportunityContactsAsync(tenant, deal));
        Assert.Empty(await AuditEntriesAsync(AdminAudit(tenant, ("entity", "opportunity"), ("record", deal.ToString()), ("action", "link"))));
    }

    [Fact]
    public async Task A_script_cannot_link_a_record_of_another_tenant()
    {
        using var temp = new TempFolder();
        var module = LinkerModule(temp);
        var (a, b) = (await Host.CreateTenantAsync(module), await Host.CreateTenantAsync(module));
        var (deal, _) = await DealAndContactAsync(a);
        var (theirDeal, theirContact) = await DealAndContactAsync(b);

        var toTheirs = await ExpectProblemAsync(await RunLinkerAsync(a, new { entity = "opportunity", id = deal, relation = "contacts", target = theirContact }),
            HttpStatusCode.UnprocessableEntity);
        var fromTheirs = await ExpectProblemAsync(await RunLinkerAsync(a, new { entity = "opportunity", id = theirDeal, relation = "contacts", target = theirContact }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"There is no contact with id {theirContact}.", toTheirs.Str("message"));
        Assert.Equal($"There is no opportunity with id {theirDeal}.", fromTheirs.Str("message"));
        Assert.Empty(await OpportunityContactsAsync(a, deal));
        Assert.Empty(await OpportunityContactsAsync(b, theirDeal));
        Assert.Empty(await AuditEntriesAsync(AdminAudit(b, ("action", "link"))));
    }

    [Fact]
    public async Task An_unknown_relation_stops_the_script_at_its_line_naming_the_relations_there_are()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(LinkerModule(temp));
        var (deal, contact) = await DealAndContactAsync(tenant);

        var problem = await ExpectProblemAsync(await RunLinkerAsync(tenant, new { entity = "opportunity", id = deal, relation = "partners", target = contact }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal("scripts/link.js", problem.Str("script"));
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("column").GetInt32() > 1);
        Assert.Equal("crm.link: opportunity has no many-to-many relation 'partners'; relations: contacts", problem.Str("message"));
        Assert.Empty(await OpportunityContactsAsync(tenant, deal));
    }
}
