using System.Net;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Fact]
    public async Task A_draft_with_errors_is_refused_with_every_error_naming_file_and_json_pointer()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        var doc = Doc("broken",
        [
            new { id = "a", type = "If", condition = Expr("record.employees >") },        // bad expression syntax
            new { id = "b", type = "Teleport" },                                           // unknown activity type
            new { id = "c", type = "SetVariable", name = "x" },                            // missing input 'value'
            new { id = "d", type = "Finish" },                                             // unreachable (only reached from itself)
        ],
        [
            Link("a", "Maybe", "b"),         // unknown port
            Link("a", "True", "ghost"),      // dangling connection
            Link("a", "False", "c"),
            Link("d", "Done", "d"),
        ], trigger: new { type = "recordUpdated", entity = "account", fields = new[] { "employees", "nope" } });

        var problem = await ExpectProblemAsync(await Client.PutAsync($"{Workflows(tenant)}/broken/draft", Body(doc)), HttpStatusCode.UnprocessableEntity);

        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (File: e.Str("file"), Pointer: e.Str("pointer"), Detail: e.Str("detail"))).ToList();
        Assert.All(errors, e => Assert.Equal("workflows/broken.json", e.File));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/0/condition/expression" && e.Detail.Contains("not a valid expression"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/1/type" && e.Detail.Contains("'Teleport' is not an activity type"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/2/value" && e.Detail.Contains("is required"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/3" && e.Detail.Contains("cannot be reached"));
        Assert.Contains(errors, e => e.Pointer == "/root/connections/0/source/port" && e.Detail.Contains("no port 'Maybe'"));
        Assert.Contains(errors, e => e.Pointer == "/root/connections/1/target/activity" && e.Detail.Contains("dangling"));
        Assert.Contains(errors, e => e.Pointer == "/trigger/fields/1" && e.Detail.Contains("no field 'nope'"));
        // Nothing was saved.
        await ExpectProblemAsync(await Client.GetAsync($"{Workflows(tenant)}/broken/draft"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_valid_draft_is_saved_and_publishing_numbers_versions()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        var doc = Doc("versions", [new { id = "set", type = "SetVariable", name = "x", value = 1 }]);

        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/versions/draft", Body(doc)), HttpStatusCode.OK);
        var draft = await ExpectAsync(await Client.GetAsync($"{Workflows(tenant)}/versions/draft"), HttpStatusCode.OK);
        Assert.Equal("versions", draft.Str("id"));
        var first = await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/versions/publish", null), HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("version").GetInt64());
        // Unchanged: publishing again keeps version 1; a change makes version 2.
        Assert.Equal(1, (await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/versions/publish", null), HttpStatusCode.OK)).GetProperty("version").GetInt64());
        doc["root"] = new { type = "Flowchart", activities = new object[] { new { id = "set", type = "SetVariable", name = "x", value = 2 } } };
        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/versions/draft", Body(doc)), HttpStatusCode.OK);
        Assert.Equal(2, (await ExpectAsync(await Client.PostAsync($"{Workflows(tenant)}/versions/publish", null), HttpStatusCode.OK)).GetProperty("version").GetInt64());

        var list = await ExpectAsync(await Client.GetAsync(Workflows(tenant)), HttpStatusCode.OK);
        var listed = list.GetProperty("value").EnumerateArray().Single(w => w.Str("id") == "versions");
        Assert.Equal(2, listed.GetProperty("publishedVersion").GetInt64());
        Assert.True(listed.GetProperty("hasDraft").GetBoolean());
    }

    [Fact]
    public async Task Activity_types_describe_every_type_with_inputs_and_ports()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());

        var types = (await ExpectAsync(await Client.GetAsync($"{Workflows(tenant)}/activity-types"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

        var names = types.Select(t => t.Str("type")).ToList();
        foreach (var expected in new[] { "If", "Switch", "Fork", "Join", "SetVariable", "RunScript", "CreateRecord", "UpdateRecord", "QueryRecords",
                     "SendEmail", "Notify", "CreateTask", "Delay", "WaitUntil", "HttpRequest", "Finish", "Fault" })
            Assert.Contains(expected, names);
        var update = types.Single(t => t.Str("type") == "UpdateRecord");
        Assert.Contains(update.GetProperty("inputs").EnumerateArray(), i => i.Str("name") == "recordId" && i.GetProperty("required").GetBoolean());
        Assert.Equal(["True", "False"], types.Single(t => t.Str("type") == "If").GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
    }
}
