using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Messaging.Notifications;
using Platform.Runtime;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>In-app notifications through the API: each user sees, counts and marks only their own.</summary>
public abstract partial class ApiTests
{
    private async Task<Guid> NotifyAsync(string tenant, Guid user, string title, NotificationLink? link = null)
    {
        var runtime = (await Host.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant, CancellationToken.None))!;
        return await Host.Services.GetRequiredService<INotificationSender>().NotifyAsync(runtime, new Notification(user, title, $"{title} body", link), null, CancellationToken.None);
    }

    private static string Notifications(string tenant, string query = "") => $"/api/{tenant}/notifications{query}";

    [Fact]
    public async Task Notifications_list_only_the_signed_in_users_own_newest_first_with_their_unread_count()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, adaId) = await Host.CreateUserClientAsync(tenant, "ada");
        var (_, bobId) = await Host.CreateUserClientAsync(tenant, "bob");
        var account = Guid.NewGuid();
        await NotifyAsync(tenant, adaId, "First");
        await NotifyAsync(tenant, bobId, "For Bob");
        await NotifyAsync(tenant, adaId, "Second", new NotificationLink("account", account));

        var page = await ExpectAsync(await ada.GetAsync(Notifications(tenant)), HttpStatusCode.OK);

        Assert.Equal(["Second", "First"], page.Values().Select(n => n.Str("title")));
        Assert.Equal(2, page.GetProperty("unreadCount").GetInt64());
        var newest = page.Values()[0];
        Assert.Equal("Second body", newest.Str("body"));
        Assert.Equal(("account", account), (newest.GetProperty("link").Str("entity"), Guid.Parse(newest.GetProperty("link").Str("recordId"))));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, newest.GetProperty("readAt").ValueKind);
        Assert.True(newest.GetProperty("createdAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Marking_a_notification_read_lowers_the_unread_count_and_unread_true_leaves_it_out()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, adaId) = await Host.CreateUserClientAsync(tenant, "ada");
        var first = await NotifyAsync(tenant, adaId, "First");
        await NotifyAsync(tenant, adaId, "Second");

        using var read = await ada.PostAsync(Notifications(tenant, $"/{first}/read"), null);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        // Again is fine: it stays read.
        using var again = await ada.PostAsync(Notifications(tenant, $"/{first}/read"), null);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);

        var unread = await ExpectAsync(await ada.GetAsync(Notifications(tenant, "?unread=true")), HttpStatusCode.OK);
        Assert.Equal(["Second"], unread.Values().Select(n => n.Str("title")));
        Assert.Equal(1, unread.GetProperty("unreadCount").GetInt64());
        var all = await ExpectAsync(await ada.GetAsync(Notifications(tenant)), HttpStatusCode.OK);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, all.Values().Single(n => n.Id() == first).GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task Read_all_marks_every_unread_notification_of_the_caller_and_no_one_elses()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, adaId) = await Host.CreateUserClientAsync(tenant, "ada");
        var (bob, bobId) = await Host.CreateUserClientAsync(tenant, "bob");
        await NotifyAsync(tenant, adaId, "One");
        await NotifyAsync(tenant, adaId, "Two");
        await NotifyAsync(tenant, bobId, "Bob's");

        var marked = await ExpectAsync(await ada.PostAsync(Notifications(tenant, "/read-all"), null), HttpStatusCode.OK);

        Assert.Equal(2, marked.GetProperty("marked").GetInt64());
        Assert.Equal(0, (await ExpectAsync(await ada.GetAsync(Notifications(tenant)), HttpStatusCode.OK)).GetProperty("unreadCount").GetInt64());
        Assert.Empty((await ExpectAsync(await ada.GetAsync(Notifications(tenant, "?unread=true")), HttpStatusCode.OK)).Values());
        Assert.Equal(1, (await ExpectAsync(await bob.GetAsync(Notifications(tenant)), HttpStatusCode.OK)).GetProperty("unreadCount").GetInt64());
    }

    [Fact]
    public async Task Another_users_notification_id_is_a_404_problem_and_stays_unread()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada");
        var (bob, bobId) = await Host.CreateUserClientAsync(tenant, "bob");
        var bobs = await NotifyAsync(tenant, bobId, "Bob's");

        var problem = await ExpectProblemAsync(await ada.PostAsync(Notifications(tenant, $"/{bobs}/read"), null), HttpStatusCode.NotFound);
        Assert.Contains(bobs.ToString(), problem.Str("detail"));
        await ExpectProblemAsync(await ada.PostAsync(Notifications(tenant, $"/{Guid.NewGuid()}/read"), null), HttpStatusCode.NotFound);

        var bobsPage = await ExpectAsync(await bob.GetAsync(Notifications(tenant, "?unread=true")), HttpStatusCode.OK);
        Assert.Equal([bobs], bobsPage.Values().Select(n => n.Id()));
    }

    [Fact]
    public async Task Notifications_refuse_a_malformed_query_and_callers_without_credentials()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ada, _) = await Host.CreateUserClientAsync(tenant, "ada");

        var problem = await ExpectProblemAsync(await ada.GetAsync(Notifications(tenant, "?unread=maybe")), HttpStatusCode.BadRequest);
        Assert.Contains("unread", problem.Str("detail"));
        await ExpectProblemAsync(await ada.GetAsync(Notifications(tenant, "?$top=0")), HttpStatusCode.BadRequest);
        using var anonymous = await Host.AnonymousClient.GetAsync(Notifications(tenant));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
