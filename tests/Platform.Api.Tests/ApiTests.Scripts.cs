using System.Net;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Scripts on both databases: a write and its hooks' crm calls are one transaction; actions are all or nothing.</summary>
public abstract partial class ApiTests
{
    private static string ScriptedModule(TempFolder temp)
    {
        temp.Write("scripted/module.json", """{ "id": "scripted", "version": "1.0.0" }""");
        temp.Write("scripted/entities/ledger.json", """
            { "name": "ledger", "hooks": { "afterSave": "scripts/ledger-after.js", "afterDelete": "scripts/ledger-after-delete.js" },
              "fields": [ { "name": "name", "type": "text", "required": true }, { "name": "amount", "type": "integer" } ] }
            """);
        temp.Write("scripted/entities/entry.json", """{ "name": "entry", "fields": [ { "name": "note", "type": "text" } ] }""");
        temp.Write("scripted/scripts/ledger-after.js", """
            crm.create('entry', { note: (record.previous ? 'updated ' : 'created ') + record.name });
            if (record.name === 'explode') throw new Error('afterSave failed on purpose');
            """);
        temp.Write("scripted/scripts/ledger-after-delete.js", "crm.create('entry', { note: 'deleted ' + record.name });\n");
        return Path.Combine(temp.Path, "scripted");
    }

    [Fact]
    public async Task Hook_crm_writes_commit_with_the_save_and_roll_back_with_it()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(ScriptedModule(temp));

        var kept = await CreateAsync(tenant, "ledger", new { name = "kept" });
        await ExpectAsync(await PatchAsync(tenant, "ledger", kept.Id(), new { amount = 3 }), HttpStatusCode.OK);
        using (var deleted = await Client.DeleteAsync(Data(tenant, "ledger", kept.Id())))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var notes = (await ListAsync(tenant, "entry", ("$orderby", "created_at"))).Values().Select(v => v.Str("note")).ToList();
        Assert.Equal(["created kept", "updated kept", "deleted kept"], notes);

        var problem = await ExpectProblemAsync(await PostAsync(tenant, "ledger", new { name = "explode" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("scripts/ledger-after.js", problem.Str("script"));
        Assert.Equal(0, await CountAsync(tenant, "ledger"));
        Assert.Equal(3, await CountAsync(tenant, "entry"));

        // A bulk create runs afterSave per record in the batch's transaction: one failing record keeps nothing.
        await BulkAsync(tenant, "ledger", new { mode = "create", records = new object[] { new { name = "a" }, new { name = "explode" } } },
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await CountAsync(tenant, "ledger"));
        Assert.Equal(3, await CountAsync(tenant, "entry"));
    }

    [Fact]
    public async Task Convert_lead_is_all_or_nothing()
    {
        var tenant = await Host.CreateTenantAsync();
        var company = new string('c', 200); // the opportunity's name, company + " deal", is over its 200 characters
        var lead = await CreateAsync(tenant, "lead", new { full_name = "Half Way", company });

        var problem = await ExpectProblemAsync(await Client.PostAsync(Data(tenant, "lead", lead.Id()) + "/actions/convert", Body(new { })),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("scripts/convert-lead.js", problem.Str("script"));
        Assert.Equal(0, await CountAsync(tenant, "account"));
        Assert.Equal(0, await CountAsync(tenant, "contact"));

        await ExpectAsync(await Client.PostAsync(Data(tenant, "lead", lead.Id()) + "/actions/convert", Body(new { opportunityName = "Whole" })), HttpStatusCode.OK);
        Assert.Equal((1, 1, 1), (await CountAsync(tenant, "account"), await CountAsync(tenant, "contact"), await CountAsync(tenant, "opportunity")));
    }

    [Fact]
    public async Task Script_runs_are_listed_for_admins()
    {
        var tenant = await Host.CreateTenantAsync();
        await CreateAsync(tenant, "lead", new { full_name = "Ann", email = "ann@example.com" });
        var runs = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/scripts/runs?script=lead.score.formula"), HttpStatusCode.OK);
        var run = Assert.Single(runs.Values());
        Assert.True(run.GetProperty("succeeded").GetBoolean());
        Assert.True(run.GetProperty("usage").GetProperty("statements").GetInt64() > 0);
        var summary = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/admin/scripts"), HttpStatusCode.OK);
        Assert.Contains(summary.Values(), s => s.Str("script") == "lead.score.formula" && s.GetProperty("runs").GetInt32() == 1);
    }
}
