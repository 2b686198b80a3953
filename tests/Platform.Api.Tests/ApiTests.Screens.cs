using System.Net;
using System.Text.Json;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Forms, views and navigation for the web app, bounded by what the reader may read.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task The_form_of_an_entity_is_the_one_of_the_module_that_builds_on_the_others()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var form = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/forms/account"), HttpStatusCode.OK);

        // sales replaces crm-core's account form with one that lists the account's opportunities too.
        Assert.Equal(("sales-account", false), (form.Str("id"), form.GetProperty("generated").GetBoolean()));
        Assert.Equal(["tier", "owner", "industry", "annual_revenue"], Strings(form.GetProperty("header")));
        Assert.Equal(["summary", "details"], form.GetProperty("tabs").EnumerateArray().Select(t => t.Str("id")));
        Assert.Equal(["contact", "opportunity", "activity"], form.GetProperty("relatedLists").EnumerateArray().Select(l => l.Str("entity")));
        await ExpectProblemAsync(await Client.GetAsync($"/api/{tenant}/metadata/forms/invoice"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_views_of_an_entity_come_default_first_with_their_kanban_and_aggregates()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var views = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/views/opportunity"), HttpStatusCode.OK)).Values();

        Assert.Equal(["opportunity-pipeline", "opportunity-won"], views.Select(v => v.Str("id")));
        Assert.Equal("stage", views[0].GetProperty("kanban").Str("groupBy"));
        var pipeline = Assert.Single(views[0].GetProperty("aggregates").EnumerateArray());
        Assert.Equal(["stage"], Strings(pipeline.GetProperty("groupBy")));
        Assert.Equal(["close_date:month"], Strings(views[1].GetProperty("aggregates")[0].GetProperty("groupBy")));
        Assert.All(views, v => Assert.False(v.GetProperty("generated").GetBoolean()));
    }

    [Fact]
    public async Task Navigation_lists_each_modules_entries_with_their_views_in_module_order()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());

        var items = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/navigation"), HttpStatusCode.OK)).Values();

        Assert.Equal([("crm-core", "account", "account-all"), ("crm-core", "contact", "contact-all"), ("crm-core", "activity", "activity-recent"), ("crm-core", "task", "task-open"),
            ("sales", "lead", "lead-open"), ("sales", "opportunity", "opportunity-pipeline")],
            items.Where(i => i.TryGetProperty("entity", out _)).Select(i => (i.Str("module"), i.Str("entity"), i.Str("view"))));
    }

    private static string ScreensModule => Path.Combine(RepositoryPaths.Root, "tests", "Platform.Api.Tests", "Modules", "screens");

    [Fact]
    public async Task Fields_a_reader_may_not_read_are_removed_from_forms_and_what_needs_them_in_full_from_views()
    {
        var tenant = await Host.SharedAsync("screens", () => Host.CreateTenantAsync(ScreensModule));
        // clerk: contact birthday hidden and e-mail masked, opportunity amount masked, leads not readable.
        var (clerk, _) = await Host.SharedAsync("screens-clerk", () => Host.CreateUserClientAsync(tenant, "clerk", ["clerk"]));

        var asAdmin = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/forms/contact"), HttpStatusCode.OK);
        var asClerk = await ExpectAsync(await clerk.GetAsync($"/api/{tenant}/metadata/forms/contact"), HttpStatusCode.OK);
        Assert.Equal(FormFields(asAdmin).Where(f => f != "birthday"), FormFields(asClerk));
        Assert.Contains("email", FormFields(asClerk));
        // The rule on do_not_email still makes the (masked) e-mail read-only.
        Assert.Equal(["email"], Strings(Assert.Single(asClerk.GetProperty("rules").EnumerateArray()).GetProperty("readOnly")));

        var views = (await ExpectAsync(await clerk.GetAsync($"/api/{tenant}/metadata/views/opportunity"), HttpStatusCode.OK)).Values();
        var pipeline = views.Single(v => v.Str("id") == "opportunity-pipeline");
        Assert.Contains("amount", pipeline.GetProperty("columns").EnumerateArray().Select(c => c.Str("field")));
        // Summing a masked amount would reveal it: only the count is left.
        var measures = Assert.Single(pipeline.GetProperty("aggregates").EnumerateArray()).GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(["count"], measures.Select(m => m.Str("fn")));
        Assert.Empty(views.Single(v => v.Str("id") == "opportunity-won").GetProperty("aggregates").EnumerateArray());

        var navigation = (await ExpectAsync(await clerk.GetAsync($"/api/{tenant}/metadata/navigation"), HttpStatusCode.OK)).Values();
        Assert.Equal(["account", "contact", "activity", "task", "opportunity"], navigation.Where(i => i.TryGetProperty("entity", out _)).Select(i => i.Str("entity")));
        await ExpectProblemAsync(await clerk.GetAsync($"/api/{tenant}/metadata/forms/lead"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reader_without_read_privileges_gets_no_navigation_and_no_forms_or_views()
    {
        var tenant = await Host.SharedAsync("crm", () => Host.CreateTenantAsync());
        var (nobody, _) = await Host.SharedAsync("crm-nobody", () => Host.CreateUserClientAsync(tenant, "screen-nobody", []));

        Assert.Empty((await ExpectAsync(await nobody.GetAsync($"/api/{tenant}/metadata/navigation"), HttpStatusCode.OK)).Values());
        await ExpectProblemAsync(await nobody.GetAsync($"/api/{tenant}/metadata/forms/account"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await nobody.GetAsync($"/api/{tenant}/metadata/views/account"), HttpStatusCode.NotFound);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> FormFields(JsonElement form) =>
        Strings(form.GetProperty("header"))
            .Concat(form.GetProperty("tabs").EnumerateArray()
                .SelectMany(t => t.GetProperty("sections").EnumerateArray())
                .SelectMany(s => s.GetProperty("rows").EnumerateArray())
                .SelectMany(r => Strings(r)))
            .ToList();
}
