using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Records;
using Platform.Records.Scripting;

namespace Platform.Api.Tests;

/// <summary>
/// A beforeSave hook that sets nothing passes the body on as it came: it is not parsed into a node tree and written
/// again per record (a bulk request runs the hook a thousand times), whatever numbers the body holds.
/// </summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task A_before_save_hook_that_sets_nothing_passes_the_body_on_as_sent_integers_included()
    {
        var tenant = await Host.CreateTenantAsync();
        var runtime = await RuntimeAsync(tenant);
        var scripts = Host.Services.GetRequiredService<BeforeSaveScripts>();
        var records = Host.Services.GetRequiredService<RecordService>();
        var opportunity = runtime.FindEntity("opportunity")!;
        Assert.NotNull(opportunity.Hooks?.BeforeSave);
        // Spaced out as a client may send it: a body written again would come back compact.
        const string sent = """{ "name": "Deal", "stage": "proposal", "probability": 40, "amount": 1200, "close_date": "2027-01-15", "tags": [ "key" ], "notes": null }""";
        using var body = JsonDocument.Parse(sent);

        var passed = await scripts.RunAsync(records, runtime, opportunity, body.RootElement, null, RecordActor.System, CancellationToken.None, "/records/0");

        Assert.Equal(sent, passed.GetRawText());
    }
}
