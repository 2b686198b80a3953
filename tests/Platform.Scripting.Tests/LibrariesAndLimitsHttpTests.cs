using System.Net;

namespace Platform.Scripting.Tests;

/// <summary>Libraries required by tenant scripts, and the tenant's own script limits, through the HTTP API.</summary>
public sealed class LibrariesAndLimitsHttpTests : ScriptTenantHost
{
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """
            { "id": "shop", "version": "1.0.0",
              "libraries": { "pricing": "scripts/lib/pricing.js", "spin": "scripts/lib/spin.js" },
              "scriptLimits": { "hook": { "maxCrmWrites": 2, "timeoutMs": 900 } } }
            """,
        ["entities/item.json"] = """
            { "name": "item", "hooks": { "beforeSave": "scripts/item.js" },
              "fields": [ { "name": "gross", "type": "integer" }, { "name": "net", "type": "decimal", "scale": 2 },
                          { "name": "mode", "type": "text" }, { "name": "band", "type": "text", "formula": "require('pricing').band(record.gross)" } ] }
            """,
        ["entities/note.json"] = """{ "name": "note", "fields": [ { "name": "text", "type": "text" } ] }""",
        ["scripts/lib/pricing.js"] = """
            const rate = 0.2; // private to the library
            function net(gross) { return Math.round(gross / (1 + rate) * 100) / 100; }
            module.exports = { net: net, band: function (g) { return g >= 1000 ? 'high' : 'low'; }, loads: (globalThis.loads = (globalThis.loads || 0) + 1) };
            """,
        ["scripts/lib/spin.js"] = "exports.forever = function () { while (true) {} };\n",
        ["scripts/item.js"] = """
            const pricing = require('pricing');
            record.net = pricing.net(record.gross || 0);
            if (require('pricing').loads !== 1) errors.add('net', 'the library ran twice in one run');
            if (typeof rate !== 'undefined') errors.add('net', 'a library leaked its top-level names');
            if (record.mode === 'spin') require('spin').forever();
            if (record.mode === 'writes') { for (let i = 0; i < 3; i++) crm.create('note', { text: 'n' + i }); }
            """,
    };

    [Fact]
    public async Task Scripts_and_formulas_use_library_functions()
    {
        var created = await DataAsync(HttpMethod.Post, "item", new { gross = 1200 }, HttpStatusCode.Created);
        Assert.Equal(1000m, created.GetProperty("net").GetDecimal());
        Assert.Equal("high", created.GetProperty("band").GetString());
        // Every run starts from clean globals: the library's side effect on globalThis does not survive to the next save.
        await DataAsync(HttpMethod.Post, "item", new { gross = 12 }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_library_runs_under_the_calling_scripts_limits()
    {
        var problem = await DataAsync(HttpMethod.Post, "item", new { gross = 1, mode = "spin" }, HttpStatusCode.UnprocessableEntity);
        var limit = problem.GetProperty("limit").GetString();
        Assert.Contains(limit, new[] { "timeout", "maxStatements" });
        // The tenant's timeout (900 ms, not the default 1000 ms) is the one enforced.
        if (limit == "timeout") Assert.Contains("longer than 900 ms", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_tenants_limit_overrides_apply()
    {
        var problem = await DataAsync(HttpMethod.Post, "item", new { gross = 1, mode = "writes" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("maxCrmWrites", problem.GetProperty("limit").GetString());
        Assert.Contains("more than 2 crm writes", problem.GetProperty("message").GetString());
        Assert.Empty(await ListAsync("note"));
    }
}
