using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.Email;
using Platform.Workflows.Tests.Support;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    /// <summary>A manual workflow mailing the account named by its input, the body rendered from a module template file.</summary>
    private const string GreetingWorkflow = """
        {
          "schemaVersion": 1,
          "id": "greet-from-file",
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "mail", "type": "SendEmail", "to": "desk@example.com", "subject": { "template": "templates/subject.scriban" },
                "template": "templates/greeting.scriban" }
            ]
          }
        }
        """;

    private static Dictionary<string, string> GreetingModule(string greeting) => new()
    {
        ["workflows/greet-from-file.json"] = GreetingWorkflow,
        ["templates/subject.scriban"] = "About {{ record.name }}",
        ["templates/greeting.scriban"] = greeting + ", {{ record.name }}!\n{{ include 'parts/footer.scriban' }}",
        ["templates/parts/footer.scriban"] = "-- " + greeting.ToUpperInvariant(),
    };

    private async Task<QueuedEmail> GreetAsync(string tenant, Guid account)
    {
        var started = await StartAsync(tenant, "greet-from-file", new { recordId = account, entity = "account" });
        Assert.True(started.Str("status") == "finished", started.ToString());
        var instance = started.GetProperty("id").GetGuid();
        return Assert.Single(await EmailStore.ListAsync(await Host.RuntimeAsync(tenant), 100, CancellationToken.None),
            e => e.IdempotencyKey.StartsWith($"{instance}:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_module_template_file_renders_for_the_tenant_that_installed_it_and_never_for_another()
    {
        using var folders = new ModuleFolders();
        // Same module id, same paths, different text: only the tenant decides which file renders.
        var first = await Host.CreateTenantAsync(null, folders.Write("greetings", GreetingModule("Hello from A")));
        var second = await Host.CreateTenantAsync(null, folders.Write("greetings", GreetingModule("Hej fra B")));
        var inFirst = await CreateAsync(first, "account", new { name = "Initech" });
        var inSecond = await CreateAsync(second, "account", new { name = "Globex" });

        var a = await GreetAsync(first, inFirst);
        var b = await GreetAsync(second, inSecond);

        Assert.Equal("About Initech", a.Subject);
        Assert.Equal("Hello from A, Initech!\n-- HELLO FROM A", a.TextBody);
        Assert.Equal("About Globex", b.Subject);
        Assert.Equal("Hej fra B, Globex!\n-- HEJ FRA B", b.TextBody);

        // The files are installed with the tenant's definitions: a restarted host renders them again, still per tenant.
        await Host.RestartAsync();
        Assert.Equal("Hej fra B, Globex!\n-- HEJ FRA B", (await GreetAsync(second, inSecond)).TextBody);
        Assert.Equal("Hello from A, Initech!\n-- HELLO FROM A", (await GreetAsync(first, inFirst)).TextBody);
    }

    [Fact]
    public async Task Applying_a_changed_template_file_renders_the_new_text()
    {
        using var folders = new ModuleFolders();
        var tenant = await Host.CreateTenantAsync(null, folders.Write("greetings", GreetingModule("Hello")));
        var account = await CreateAsync(tenant, "account", new { name = "Hooli" });
        Assert.Equal("Hello, Hooli!\n-- HELLO", (await GreetAsync(tenant, account)).TextBody);

        var applied = await Host.ApplyAsync(tenant, folders.Write("greetings", GreetingModule("Welcome back")));

        Assert.False(applied.HasErrors, string.Join("\n", applied.Errors));
        Assert.Equal("Welcome back, Hooli!\n-- WELCOME BACK", (await GreetAsync(tenant, account)).TextBody);
    }

    [Fact]
    public async Task A_module_template_that_does_not_parse_is_refused_at_apply_with_its_file_line_and_column()
    {
        using var folders = new ModuleFolders();
        var files = GreetingModule("Hello");
        files["templates/greeting.scriban"] = "Hello\n{{ for x in }}";

        var result = await Host.ApplyAsync("wftplbad", folders.Write("greetings", files));

        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Errors, e => e.File.EndsWith("greeting.scriban", StringComparison.Ordinal));
        Assert.Equal("", error.Pointer);
        Assert.StartsWith("line 2, column ", error.Message);
        // Nothing of the module was installed.
        var runtime = await Host.Services.GetRequiredService<Platform.Runtime.TenantRuntimeCache>().GetAsync("wftplbad", CancellationToken.None);
        Assert.Equal(0L, runtime?.SchemaVersion ?? 0);
    }

    [Fact]
    public async Task A_workflow_naming_a_template_file_no_module_ships_is_refused_with_file_and_pointer()
    {
        using var folders = new ModuleFolders();
        var files = GreetingModule("Hello");
        files.Remove("templates/greeting.scriban");
        files.Remove("templates/subject.scriban");

        var result = await Host.ApplyAsync("wftplmissing", folders.Write("greetings", files));

        Assert.True(result.HasErrors);
        var errors = result.Errors.Where(e => e.File.EndsWith("greet-from-file.json", StringComparison.Ordinal)).ToList();
        Assert.Contains(errors, e => e.Pointer == "/root/activities/0/subject/template" && e.Message.Contains("'templates/subject.scriban'"));
        Assert.Contains(errors, e => e.Pointer == "/root/activities/0/template" && e.Message.Contains("'templates/greeting.scriban'"));
    }

    [Fact]
    public async Task A_draft_may_name_a_template_file_the_tenant_installed_but_not_one_it_lacks()
    {
        using var folders = new ModuleFolders();
        var tenant = await Host.CreateTenantAsync(null, folders.Write("greetings", GreetingModule("Hi")));
        var other = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        var doc = Doc("mail-from-file", [new { id = "mail", type = "SendEmail", to = "x@example.com", subject = "S", template = "templates/greeting.scriban" }]);

        await ExpectAsync(await Client.PutAsync($"{Workflows(tenant)}/mail-from-file/draft", Body(doc)), HttpStatusCode.OK);
        var problem = await ExpectProblemAsync(await Client.PutAsync($"{Workflows(other)}/mail-from-file/draft", Body(doc)), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.Str("pointer") == "/root/activities/0/template" && e.Str("detail").Contains("no template file 'templates/greeting.scriban'"));
    }
}
