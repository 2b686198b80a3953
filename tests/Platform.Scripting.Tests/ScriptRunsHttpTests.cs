using System.Net;

namespace Platform.Scripting.Tests;

/// <summary>Every script run is recorded with its usage beside its limits, logs and error, readable by admins.</summary>
public sealed class ScriptRunsHttpTests : ScriptTenantHost
{
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """{ "id": "probe", "version": "1.0.0" }""",
        ["entities/probe.json"] = """
            { "name": "probe", "hooks": { "beforeSave": "scripts/probe.js" },
              "fields": [ { "name": "mode", "type": "text" }, { "name": "size", "type": "integer" },
                          { "name": "twice", "type": "integer", "formula": "(record.size || 0) * 2" } ] }
            """,
        ["scripts/probe.js"] = """
            log.info('saving', record.mode);
            if (record.mode === 'loop') { while (true) {} }
            """,
    };

    [Fact]
    public async Task Runs_show_usage_limits_logs_and_errors_newest_first_including_failed_requests()
    {
        await DataAsync(HttpMethod.Post, "probe", new { mode = "fine", size = 2 }, HttpStatusCode.Created);
        await DataAsync(HttpMethod.Post, "probe", new { mode = "loop" }, HttpStatusCode.UnprocessableEntity);

        var runs = (await SendAsync(HttpMethod.Get, "admin/scripts/runs?script=scripts/probe.js", null, HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        var failed = runs[0];
        Assert.False(failed.GetProperty("succeeded").GetBoolean());
        Assert.Contains(failed.GetProperty("error").GetProperty("limit").GetString(), new[] { "timeout", "maxStatements" });
        Assert.Equal(2, failed.GetProperty("error").GetProperty("line").GetInt32());
        var fine = runs[1];
        Assert.True(fine.GetProperty("succeeded").GetBoolean());
        Assert.Equal("saving fine", Assert.Single(fine.GetProperty("logs").EnumerateArray()).GetProperty("message").GetString());
        Assert.True(fine.GetProperty("usage").GetProperty("statements").GetInt64() > 0);
        Assert.True(fine.GetProperty("usage").GetProperty("allocatedBytes").GetInt64() > 0);
        Assert.Equal(1000, fine.GetProperty("limits").GetProperty("timeoutMs").GetDouble());
        Assert.Equal(150, fine.GetProperty("limits").GetProperty("maxCrmWrites").GetInt32());
        Assert.Equal(64, fine.GetProperty("hash").GetString()!.Length);

        var summary = (await SendAsync(HttpMethod.Get, "admin/scripts", null, HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();
        var probe = summary.Single(s => s.GetProperty("script").GetString() == "scripts/probe.js");
        Assert.Equal(2, probe.GetProperty("runs").GetInt32());
        Assert.Equal(1, probe.GetProperty("failures").GetInt32());
        // Formulas are runs too (the failed request stopped before its formula ran).
        Assert.Equal(1, summary.Single(s => s.GetProperty("script").GetString() == "probe.twice.formula").GetProperty("runs").GetInt32());
    }

    [Fact]
    public async Task Only_the_last_runs_of_each_script_are_kept()
    {
        var records = Enumerable.Range(0, QueuedScriptRunLogKeep + 5).Select(i => new { mode = "bulk" + i }).ToArray();
        await DataAsync(HttpMethod.Post, "probe/bulk", new { mode = "create", records }, HttpStatusCode.OK);

        var runs = (await SendAsync(HttpMethod.Get, "admin/scripts/runs?script=scripts/probe.js&$top=1000", null, HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(QueuedScriptRunLogKeep, runs.Count);
        Assert.Equal($"saving bulk{QueuedScriptRunLogKeep + 4}", runs[0].GetProperty("logs")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_bad_top_is_a_problem()
    {
        var problem = await SendAsync(HttpMethod.Get, "admin/scripts/runs?$top=0", null, HttpStatusCode.BadRequest);
        Assert.Contains("$top", problem.GetRawText());
    }

    private const int QueuedScriptRunLogKeep = Platform.Scripting.Runs.QueuedScriptRunLog.KeepPerScript;
}
