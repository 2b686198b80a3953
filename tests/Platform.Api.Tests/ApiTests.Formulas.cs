using System.Net;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Formulas see the record as saved: static defaults, autonumbers and system fields are there when they run.</summary>
public abstract partial class ApiTests
{
    private static string FormulaModule(TempFolder temp)
    {
        temp.Write("formulas/module.json", """{ "id": "formulas", "version": "1.0.0" }""");
        temp.Write("formulas/entities/ticket.json", """
            { "name": "ticket",
              "fields": [ { "name": "number", "type": "autonumber", "format": "T-{0:000}" },
                          { "name": "priority", "type": "choice", "default": "normal",
                            "options": [ { "value": "normal", "label": "Normal" }, { "value": "high", "label": "High" } ] },
                          { "name": "label", "type": "text", "formula": "record.number + '/' + record.priority + '/' + (record.id ? 'has id' : 'no id')" } ] }
            """);
        return Path.Combine(temp.Path, "formulas");
    }

    [Fact]
    public async Task A_formula_sees_static_defaults_autonumbers_and_the_id_of_the_record_being_created()
    {
        using var temp = new TempFolder();
        var tenant = await Host.CreateTenantAsync(FormulaModule(temp));

        var created = await CreateAsync(tenant, "ticket", new { });
        await BulkAsync(tenant, "ticket", new { mode = "create", records = new object[] { new { }, new { priority = "high" } } }, HttpStatusCode.OK);

        Assert.Equal("T-001/normal/has id", created.Str("label"));
        var labels = (await ListAsync(tenant, "ticket", ("$orderby", "number"))).Values().Select(v => v.Str("label")).ToList();
        Assert.Equal(["T-001/normal/has id", "T-002/normal/has id", "T-003/high/has id"], labels);

        var updated = await ExpectAsync(await PatchAsync(tenant, "ticket", created.Id(), new { priority = "high" }), HttpStatusCode.OK);
        Assert.Equal("T-001/high/has id", updated.Str("label"));
    }
}
