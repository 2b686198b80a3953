using System.Net;
using System.Text.Json;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>GET /approvals/requests: what a submitter asked for, where each request stands and who decides now.</summary>
public abstract partial class WorkflowTests
{
    protected static async Task<IReadOnlyList<JsonElement>> RequestsAsync(Person person, string tenant, string query = "") =>
        (await ExpectAsync(await person.Client.GetAsync($"/api/{tenant}/approvals/requests{query}"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();

    private async Task<Guid> SubmitAsync(Person person, string tenant, string workflow) =>
        (await ExpectAsync(await person.Client.PostAsync($"{Workflows(tenant)}/{workflow}/start", Body(new { })), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_submitter_sees_their_pending_request_with_its_approvers_and_a_withdrawal_leaves_the_approvers_inbox()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sue, ann, bob) = (await PersonAsync(tenant, "sue"), await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "bob"));
        await PublishAsync(tenant, ApprovalDoc("ask-two", [new { user = "ann" }, new { user = "bob" }], "all", new { timeout = "P2D" }));

        var instance = await SubmitAsync(sue, tenant, "ask-two");
        await AwaitApprovalAsync(ann, tenant, instance);
        var request = Assert.Single(await RequestsAsync(sue, tenant));
        Assert.Equal((instance, "pending", "ask-two", "Please approve"), (request.GetProperty("instanceId").GetGuid(), request.Str("status"), request.Str("workflow"), request.Str("subject")));
        Assert.Equal(new[] { ann.Id, bob.Id }.Order(), request.GetProperty("currentApprovers").EnumerateArray().Select(a => a.GetGuid()).Order());
        Assert.Equal(sue.Id, request.GetProperty("submitter").GetGuid());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("decidedAt").ValueKind);
        Assert.True(request.GetProperty("dueAt").GetDateTime() > DateTime.UtcNow.AddDays(1));
        // Only one's own: the approvers submitted nothing.
        Assert.Empty(await RequestsAsync(ann, tenant));

        var withdrawTask = request.GetProperty("withdrawTaskId").GetGuid();
        await ExpectAsync(await ActAsync(sue, tenant, withdrawTask, "withdraw", new { comment = "not needed" }), HttpStatusCode.OK);
        await WaitForStatusAsync(tenant, instance, "finished");

        var withdrawn = Assert.Single(await RequestsAsync(sue, tenant));
        Assert.Equal("withdrawn", withdrawn.Str("status"));
        Assert.NotEqual(JsonValueKind.Null, withdrawn.GetProperty("decidedAt").ValueKind);
        Assert.Empty(withdrawn.GetProperty("currentApprovers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("withdrawTaskId").ValueKind);
        Assert.All(withdrawn.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("withdrawn", t.Str("status")));
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));
        Assert.Empty(await RequestsAsync(sue, tenant, "?status=pending"));
        Assert.Single(await RequestsAsync(sue, tenant, "?status=withdrawn"));
    }

    [Fact]
    public async Task Each_request_reports_how_its_approval_completed_newest_first()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sue, ann) = (await PersonAsync(tenant, "sue"), await PersonAsync(tenant, "ann"));
        await PublishAsync(tenant, ApprovalDoc("ask-ann", [new { user = "ann" }], "any", new { timeout = "P1D" }));

        var approved = await SubmitAsync(sue, tenant, "ask-ann");
        await DecideAsync(ann, tenant, (await AwaitApprovalAsync(ann, tenant, approved)).GetProperty("id").GetGuid(), "approve");
        var rejected = await SubmitAsync(sue, tenant, "ask-ann");
        await DecideAsync(ann, tenant, (await AwaitApprovalAsync(ann, tenant, rejected)).GetProperty("id").GetGuid(), "reject", "no budget");
        var returned = await SubmitAsync(sue, tenant, "ask-ann");
        await ExpectAsync(await ActAsync(ann, tenant, (await AwaitApprovalAsync(ann, tenant, returned)).GetProperty("id").GetGuid(), "return", new { to = "submitter" }), HttpStatusCode.OK);
        var timedOut = await SubmitAsync(sue, tenant, "ask-ann");
        await AwaitApprovalAsync(ann, tenant, timedOut);
        await MakeTimersDueAsync(tenant, timedOut);
        foreach (var instance in new[] { approved, rejected, returned, timedOut }) await WaitForStatusAsync(tenant, instance, "finished");

        var requests = await RequestsAsync(sue, tenant);
        Assert.Equal([timedOut, returned, rejected, approved], requests.Select(r => r.GetProperty("instanceId").GetGuid()));
        Assert.Equal(["timedOut", "returned", "rejected", "approved"], requests.Select(r => r.Str("status")));
        Assert.Equal("no budget", requests[2].GetProperty("tasks")[0].Str("comment"));
        Assert.Single(await RequestsAsync(sue, tenant, "?status=approved&$top=5"));
    }

    [Fact]
    public async Task Another_users_requests_are_for_administrators_and_a_bad_query_is_a_problem_document()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sue, ann) = (await PersonAsync(tenant, "sue"), await PersonAsync(tenant, "ann"));
        await PublishAsync(tenant, ApprovalDoc("ask-ann", [new { user = "ann" }], "any"));
        var instance = await SubmitAsync(sue, tenant, "ask-ann");
        await AwaitApprovalAsync(ann, tenant, instance);

        await ExpectProblemAsync(await ann.Client.GetAsync($"/api/{tenant}/approvals/requests?user={sue.Id}"), HttpStatusCode.Forbidden);
        Assert.Single(await RequestsAsync(sue, tenant, $"?user={sue.Id}"));
        var asAdmin = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/approvals/requests?user={sue.Id}"), HttpStatusCode.OK)).GetProperty("value");
        Assert.Equal(instance, asAdmin[0].GetProperty("instanceId").GetGuid());
        await ExpectProblemAsync(await sue.Client.GetAsync($"/api/{tenant}/approvals/requests?status=maybe"), HttpStatusCode.BadRequest);
        await ExpectProblemAsync(await sue.Client.GetAsync($"/api/{tenant}/approvals/requests?user=nobody"), HttpStatusCode.BadRequest);
        await ExpectProblemAsync(await sue.Client.GetAsync($"/api/{tenant}/approvals/requests?$top=0"), HttpStatusCode.BadRequest);

        // Another tenant with a user of the same name sees none of it, even its administrator asking for sue's id.
        var other = await Host.CreateTenantAsync();
        var otherSue = await PersonAsync(other, "sue");
        Assert.Empty(await RequestsAsync(otherSue, other));
        Assert.Empty((await ExpectAsync(await Client.GetAsync($"/api/{other}/approvals/requests?user={sue.Id}"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task An_inbox_task_marked_done_with_its_etag_leaves_the_inbox_and_a_stale_etag_is_refused()
    {
        var tenant = await Host.CreateTenantAsync();
        var ann = await PersonAsync(tenant, "ann");
        var id = (await ExpectAsync(await ann.Client.PostAsync($"/api/{tenant}/data/task", Body(new { subject = "Call back", status = "open" })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var item = Assert.Single(await InboxAsync(ann, tenant), i => i.Str("kind") == "task");
        var etag = item.Str("etag");
        Assert.Matches("^\"[0-9]+\"$", etag);

        // Someone else changes the task meanwhile: the inbox's ETag is stale, the write is refused and nothing changes.
        await PatchAsync(tenant, "task", id, new { subject = "Call back today" });
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/{tenant}/data/task/{id}") { Content = Body(new { status = "done" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await ExpectProblemAsync(await ann.Client.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        var fresh = Assert.Single(await InboxAsync(ann, tenant), i => i.Str("kind") == "task");
        Assert.Equal("Call back today", fresh.Str("subject"));

        var done = new HttpRequestMessage(HttpMethod.Patch, $"/api/{tenant}/data/task/{id}") { Content = Body(new { status = "done" }) };
        done.Headers.TryAddWithoutValidation("If-Match", fresh.Str("etag"));
        await ExpectAsync(await ann.Client.SendAsync(done), HttpStatusCode.OK);
        Assert.DoesNotContain(await InboxAsync(ann, tenant), i => i.Str("kind") == "task");
    }
}
