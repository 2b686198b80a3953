using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    private static IReadOnlyList<JsonElement> Actions(JsonElement instance) =>
        instance.GetProperty("journal").EnumerateArray()
            .Where(e => e.GetProperty("summary").ValueKind == JsonValueKind.Object && e.GetProperty("summary").GetProperty("output").ValueKind == JsonValueKind.Object &&
                        e.GetProperty("summary").GetProperty("output").TryGetProperty("action", out _))
            .Select(e => e.GetProperty("summary").GetProperty("output")).ToList();

    [Fact]
    public async Task An_any_mode_approval_waits_in_each_approvers_inbox_and_the_first_decision_completes_it()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ann, bob, cid) = (await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "bob"), await PersonAsync(tenant, "cid"));
        await PublishAsync(tenant, ApprovalDoc("any-of-two", [new { user = "ann" }, new { user = ann.Id.ToString() }, new { user = "bob" }], "any",
            new { cc = new[] { new { user = "cid" } } }));

        var started = await StartAsync(tenant, "any-of-two", new { });
        Assert.Equal("suspended", started.Str("status"));
        var instance = started.GetProperty("id").GetGuid();
        var annTask = Assert.Single(await ApprovalsOfAsync(ann, tenant));
        var bobTask = Assert.Single(await ApprovalsOfAsync(bob, tenant));
        Assert.Equal("Please approve", annTask.Str("subject"));
        Assert.Equal("any-of-two", annTask.Str("workflow"));
        Assert.Equal(instance, annTask.GetProperty("instanceId").GetGuid());
        Assert.Empty(await ApprovalsOfAsync(cid, tenant));
        // 抄送: the watcher is told, but has nothing to decide.
        var told = (await ExpectAsync(await cid.Client.GetAsync($"/api/{tenant}/notifications"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray();
        Assert.Contains(told, n => n.Str("title") == "CC: Please approve");

        // Someone it is not assigned to, an unknown task and a bad outcome are refused with problem documents.
        await ExpectProblemAsync(await ActAsync(cid, tenant, annTask.GetProperty("id").GetGuid(), "decision", new { outcome = "approve" }), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await ActAsync(cid, tenant, Guid.NewGuid(), "decision", new { outcome = "approve" }), HttpStatusCode.NotFound);
        var bad = await ExpectProblemAsync(await ActAsync(ann, tenant, annTask.GetProperty("id").GetGuid(), "decision", new { outcome = "maybe" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("/outcome", bad.ToString());
        Assert.Equal("suspended", (await InstanceAsync(tenant, instance)).GetProperty("instance").Str("status"));

        var decided = await DecideAsync(ann, tenant, annTask.GetProperty("id").GetGuid(), "approve", "fine by me");
        Assert.Equal("approved", decided.Str("status"));

        var finished = await WaitForStatusAsync(tenant, instance, "finished");
        Assert.Equal("Approved", Outcome(finished));
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));
        // Twice, and the other approver's leftover (cancelled) task: both conflicts.
        var twice = await ExpectProblemAsync(await ActAsync(ann, tenant, annTask.GetProperty("id").GetGuid(), "decision", new { outcome = "reject" }), HttpStatusCode.Conflict);
        Assert.Equal("approved", twice.Str("status"));
        var leftover = await ExpectProblemAsync(await ActAsync(bob, tenant, bobTask.GetProperty("id").GetGuid(), "decision", new { outcome = "approve" }), HttpStatusCode.Conflict);
        Assert.Equal("cancelled", leftover.Str("status"));
        var action = Assert.Single(Actions(finished));
        Assert.Equal("approve", action.Str("action"));
        Assert.Equal(ann.Id.ToString(), action.Str("by"));
        Assert.Equal("fine by me", action.Str("comment"));
        Assert.Equal(0, await BookmarkCountAsync(tenant, instance));
    }

    [Fact]
    public async Task All_mode_needs_every_approver_and_quorum_mode_n_of_them_while_a_rejection_that_settles_it_rejects()
    {
        var tenant = await Host.CreateTenantAsync();
        var people = new[] { await PersonAsync(tenant, "ann", teams: ["sales"]), await PersonAsync(tenant, "bob", teams: ["sales"]), await PersonAsync(tenant, "cid", teams: ["sales"]) };
        await PublishAsync(tenant, ApprovalDoc("everyone", [new { team = "sales" }], "all"));
        await PublishAsync(tenant, ApprovalDoc("two-of-three", [new { team = "sales" }], "quorum", new { quorum = 2 }));

        var all = (await StartAsync(tenant, "everyone", new { })).GetProperty("id").GetGuid();
        await DecideAsync(people[0], tenant, (await AwaitApprovalAsync(people[0], tenant, all)).GetProperty("id").GetGuid(), "approve");
        await DecideAsync(people[1], tenant, (await AwaitApprovalAsync(people[1], tenant, all)).GetProperty("id").GetGuid(), "approve");
        Assert.Equal("suspended", (await InstanceAsync(tenant, all)).GetProperty("instance").Str("status"));
        await DecideAsync(people[2], tenant, (await AwaitApprovalAsync(people[2], tenant, all)).GetProperty("id").GetGuid(), "approve");
        Assert.Equal("Approved", Outcome(await WaitForStatusAsync(tenant, all, "finished")));

        var vetoed = (await StartAsync(tenant, "everyone", new { })).GetProperty("id").GetGuid();
        await DecideAsync(people[1], tenant, (await AwaitApprovalAsync(people[1], tenant, vetoed)).GetProperty("id").GetGuid(), "reject", "too expensive");
        Assert.Equal("Rejected", Outcome(await WaitForStatusAsync(tenant, vetoed, "finished")));
        Assert.Empty(await ApprovalsOfAsync(people[0], tenant));

        var quorum = (await StartAsync(tenant, "two-of-three", new { })).GetProperty("id").GetGuid();
        await DecideAsync(people[0], tenant, (await AwaitApprovalAsync(people[0], tenant, quorum)).GetProperty("id").GetGuid(), "reject");
        await DecideAsync(people[1], tenant, (await AwaitApprovalAsync(people[1], tenant, quorum)).GetProperty("id").GetGuid(), "approve");
        Assert.Equal("suspended", (await InstanceAsync(tenant, quorum)).GetProperty("instance").Str("status"));
        await DecideAsync(people[2], tenant, (await AwaitApprovalAsync(people[2], tenant, quorum)).GetProperty("id").GetGuid(), "approve");
        Assert.Equal("Approved", Outcome(await WaitForStatusAsync(tenant, quorum, "finished")));

        var failed = (await StartAsync(tenant, "two-of-three", new { })).GetProperty("id").GetGuid();
        await DecideAsync(people[0], tenant, (await AwaitApprovalAsync(people[0], tenant, failed)).GetProperty("id").GetGuid(), "reject");
        await DecideAsync(people[2], tenant, (await AwaitApprovalAsync(people[2], tenant, failed)).GetProperty("id").GetGuid(), "reject");
        Assert.Equal("Rejected", Outcome(await WaitForStatusAsync(tenant, failed, "finished")));
    }

    [Fact]
    public async Task Transfer_add_approver_and_return_move_a_sequence_approval_between_people_each_journaled()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ann, bob, cid, dan) = (await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "bob"), await PersonAsync(tenant, "cid"), await PersonAsync(tenant, "dan"));
        await PublishAsync(tenant, ApprovalDoc("in-turn", [new { user = "ann" }, new { user = "bob" }], "sequence"));
        var instance = (await StartAsync(tenant, "in-turn", new { })).GetProperty("id").GetGuid();
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));

        // 转交: ann hands her task to cid, who decides on her behalf.
        var annTask = (await AwaitApprovalAsync(ann, tenant, instance)).GetProperty("id").GetGuid();
        await ExpectProblemAsync(await ActAsync(ann, tenant, annTask, "transfer", new { userId = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("transferred", (await ExpectAsync(await ActAsync(ann, tenant, annTask, "transfer", new { userId = cid.Id, comment = "on leave" }), HttpStatusCode.OK)).Str("status"));
        var cidTask = await AwaitApprovalAsync(cid, tenant, instance);
        Assert.Equal(ann.Id, cidTask.GetProperty("onBehalfOf").GetGuid());
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        await DecideAsync(cid, tenant, cidTask.GetProperty("id").GetGuid(), "approve");

        // 退回: bob returns it to the previous step, which is cid's now.
        var bobTask = (await AwaitApprovalAsync(bob, tenant, instance)).GetProperty("id").GetGuid();
        await ExpectAsync(await ActAsync(bob, tenant, bobTask, "return", new { to = "previous", comment = "numbers?" }), HttpStatusCode.OK);
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));

        // 加签 after: cid approves, then dan must approve before the request reaches bob again.
        var again = (await AwaitApprovalAsync(cid, tenant, instance)).GetProperty("id").GetGuid();
        Assert.Equal("pending", (await ExpectAsync(await ActAsync(cid, tenant, again, "add-approver", new { userId = dan.Id, position = "after" }), HttpStatusCode.OK)).Str("status"));
        await DecideAsync(cid, tenant, again, "approve");
        Assert.Empty(await ApprovalsOfAsync(bob, tenant));
        await DecideAsync(dan, tenant, (await AwaitApprovalAsync(dan, tenant, instance)).GetProperty("id").GetGuid(), "approve");
        await DecideAsync(bob, tenant, (await AwaitApprovalAsync(bob, tenant, instance)).GetProperty("id").GetGuid(), "approve");

        var finished = await WaitForStatusAsync(tenant, instance, "finished");
        Assert.Equal("Approved", Outcome(finished));
        Assert.Equal(["transfer", "approve", "return", "addApprover", "approve", "approve", "approve"], Actions(finished).Select(a => a.Str("action")).ToList());
    }

    [Fact]
    public async Task Only_the_submitter_withdraws_a_pending_approval_and_a_return_to_the_submitter_completes_through_Returned()
    {
        var tenant = await Host.CreateTenantAsync();
        var (sue, ann) = (await PersonAsync(tenant, "sue"), await PersonAsync(tenant, "ann"));
        await PublishAsync(tenant, ApprovalDoc("ask-ann", [new { user = "ann" }], "any"));

        var withdrawn = (await ExpectAsync(await sue.Client.PostAsync($"{Workflows(tenant)}/ask-ann/start", Body(new { })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var task = (await AwaitApprovalAsync(ann, tenant, withdrawn)).GetProperty("id").GetGuid();
        await ExpectProblemAsync(await ActAsync(ann, tenant, task, "withdraw", new { }), HttpStatusCode.Forbidden);
        Assert.Equal("withdrawn", (await ExpectAsync(await ActAsync(sue, tenant, task, "withdraw", new { comment = "not needed" }), HttpStatusCode.OK)).Str("status"));
        Assert.Equal("Withdrawn", Outcome(await WaitForStatusAsync(tenant, withdrawn, "finished")));
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        await ExpectProblemAsync(await ActAsync(sue, tenant, task, "withdraw", new { }), HttpStatusCode.Conflict);

        var returned = (await ExpectAsync(await sue.Client.PostAsync($"{Workflows(tenant)}/ask-ann/start", Body(new { })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await AwaitApprovalAsync(ann, tenant, returned)).GetProperty("id").GetGuid();
        await ExpectAsync(await ActAsync(ann, tenant, second, "return", new { to = "submitter", comment = "add the quote" }), HttpStatusCode.OK);
        Assert.Equal("Returned", Outcome(await WaitForStatusAsync(tenant, returned, "finished")));
    }

    [Fact]
    public async Task An_out_of_office_delegate_receives_the_tasks_assigned_in_the_period_and_acts_on_the_approvers_behalf()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ann, dan) = (await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "dan"));
        await PublishAsync(tenant, ApprovalDoc("ask-ann", [new { user = "ann" }], "any"));
        await ExpectProblemAsync(await ann.Client.GetAsync($"/api/{tenant}/approvals/delegation"), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await ann.Client.PutAsync($"/api/{tenant}/approvals/delegation",
            Body(new { delegateUserId = dan.Id, from = "2020-01-02T00:00:00Z", until = "2020-01-01T00:00:00Z" })), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(await ann.Client.PutAsync($"/api/{tenant}/approvals/delegation",
            Body(new { delegateUserId = dan.Id, from = DateTime.UtcNow.AddHours(-1), until = DateTime.UtcNow.AddDays(7) })), HttpStatusCode.OK);
        Assert.Equal(dan.Id, (await ExpectAsync(await ann.Client.GetAsync($"/api/{tenant}/approvals/delegation"), HttpStatusCode.OK)).GetProperty("delegateUserId").GetGuid());

        var instance = (await StartAsync(tenant, "ask-ann", new { })).GetProperty("id").GetGuid();
        var task = await AwaitApprovalAsync(dan, tenant, instance);
        Assert.Equal(ann.Id, task.GetProperty("onBehalfOf").GetGuid());
        Assert.Empty(await ApprovalsOfAsync(ann, tenant));
        await DecideAsync(dan, tenant, task.GetProperty("id").GetGuid(), "approve");
        var action = Assert.Single(Actions(await WaitForStatusAsync(tenant, instance, "finished")));
        Assert.Equal(dan.Id.ToString(), action.Str("by"));
        Assert.Equal(ann.Id.ToString(), action.Str("onBehalfOf"));

        await ExpectAsync(await ann.Client.DeleteAsync($"/api/{tenant}/approvals/delegation"), HttpStatusCode.NoContent);
        var back = (await StartAsync(tenant, "ask-ann", new { })).GetProperty("id").GetGuid();
        await AwaitApprovalAsync(ann, tenant, back);
        Assert.DoesNotContain(await ApprovalsOfAsync(dan, tenant), t => t.GetProperty("instanceId").GetGuid() == back);
    }

    [Fact]
    public async Task Two_simultaneous_decisions_on_an_any_mode_approval_resume_the_instance_once()
    {
        var tenant = await Host.CreateTenantAsync();
        var (ann, bob) = (await PersonAsync(tenant, "ann"), await PersonAsync(tenant, "bob"));
        await PublishAsync(tenant, ApprovalDoc("race", [new { user = "ann" }, new { user = "bob" }], "any"));
        for (var round = 0; round < 3; round++)
        {
            var instance = (await StartAsync(tenant, "race", new { })).GetProperty("id").GetGuid();
            var (annTask, bobTask) = ((await AwaitApprovalAsync(ann, tenant, instance)).GetProperty("id").GetGuid(), (await AwaitApprovalAsync(bob, tenant, instance)).GetProperty("id").GetGuid());

            var answers = await Task.WhenAll(
                ActAsync(ann, tenant, annTask, "decision", new { outcome = "approve" }), ActAsync(bob, tenant, bobTask, "decision", new { outcome = "reject" }),
                ActAsync(ann, tenant, annTask, "decision", new { outcome = "approve" }));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
            var finished = await WaitForStatusAsync(tenant, instance, "finished");
            Assert.Single(PathOf(finished), p => p.StartsWith("approve:", StringComparison.Ordinal));
            Assert.Single(finished.GetProperty("journal").EnumerateArray(), e => e.Str("event") == "resumed");
            Assert.Single(Actions(finished));
        }
    }

    [Fact]
    public async Task A_pending_approval_survives_a_host_restart_and_is_decided_after_it()
    {
        var tenant = await Host.CreateTenantAsync();
        var ann = await PersonAsync(tenant, "ann");
        await PublishAsync(tenant, ApprovalDoc("durable", [new { user = "ann" }], "any", new { timeout = "P1D" }));
        var instance = (await StartAsync(tenant, "durable", new { })).GetProperty("id").GetGuid();
        await AwaitApprovalAsync(ann, tenant, instance);

        await Host.RestartAsync();

        ann = ann with { Client = await Host.UserClientAsync(tenant, "ann") };
        var task = await AwaitApprovalAsync(ann, tenant, instance);
        Assert.True(task.GetProperty("dueAt").GetDateTime() > DateTime.UtcNow.AddHours(23));
        await DecideAsync(ann, tenant, task.GetProperty("id").GetGuid(), "approve");
        Assert.Equal("Approved", Outcome(await WaitForStatusAsync(tenant, instance, "finished")));
    }

    [Fact]
    public async Task A_user_of_another_tenant_can_neither_see_nor_decide_an_approval()
    {
        var tenant = await Host.CreateTenantAsync();
        var other = await Host.CreateTenantAsync();
        var ann = await PersonAsync(tenant, "ann");
        var eve = await PersonAsync(other, "ann");
        await PublishAsync(tenant, ApprovalDoc("private", [new { user = "ann" }], "any"));
        var instance = (await StartAsync(tenant, "private", new { })).GetProperty("id").GetGuid();
        var task = (await AwaitApprovalAsync(ann, tenant, instance)).GetProperty("id").GetGuid();

        Assert.Empty(await ApprovalsOfAsync(eve, other));
        await ExpectProblemAsync(await ActAsync(eve, other, task, "decision", new { outcome = "approve" }), HttpStatusCode.NotFound);
        var crossed = await ActAsync(eve, tenant, task, "decision", new { outcome = "approve" });
        Assert.True(crossed.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"answered {(int)crossed.StatusCode}");
        Assert.False((await eve.Client.GetAsync($"/api/{tenant}/inbox")).IsSuccessStatusCode);

        Assert.Equal("suspended", (await InstanceAsync(tenant, instance)).GetProperty("instance").Str("status"));
        await DecideAsync(ann, tenant, task, "approve");
    }

    [Fact]
    public async Task The_inbox_lists_the_open_task_records_a_user_owns_beside_their_approvals()
    {
        // The task entity is crm-core's.
        var tenant = await Host.CreateTenantAsync();
        var ann = await PersonAsync(tenant, "ann");
        await PublishAsync(tenant, ApprovalDoc("ask-ann", [new { user = "ann" }], "any"));
        var instance = (await StartAsync(tenant, "ask-ann", new { })).GetProperty("id").GetGuid();
        await AwaitApprovalAsync(ann, tenant, instance);
        var open = (await ExpectAsync(await ann.Client.PostAsync($"/api/{tenant}/data/task", Body(new { subject = "Call back", status = "open", due_at = "2030-01-01T09:00:00Z" })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ExpectAsync(await ann.Client.PostAsync($"/api/{tenant}/data/task", Body(new { subject = "Done already", status = "done" })), HttpStatusCode.Created);
        await CreateAsync(tenant, "task", new { subject = "Someone else's", status = "open" });

        var inbox = await InboxAsync(ann, tenant);

        Assert.Equal(2, inbox.Count);
        var todo = Assert.Single(inbox, i => i.Str("kind") == "task");
        Assert.Equal(open, todo.GetProperty("id").GetGuid());
        Assert.Equal("Call back", todo.Str("subject"));
        Assert.Equal("task", todo.Str("entity"));
        Assert.Single(inbox, i => i.Str("kind") == "approval");
    }

    [Fact]
    public async Task Approval_is_described_validated_and_its_routes_are_in_the_openapi_document()
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        var types = (await ExpectAsync(await Client.GetAsync($"{Workflows(tenant)}/activity-types"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray();
        var approval = Assert.Single(types, t => t.Str("type") == "Approval");
        Assert.Equal(["Approved", "Rejected", "Returned", "Withdrawn", "TimedOut"], approval.GetProperty("ports").EnumerateArray().Select(p => p.GetString()!).ToList());

        var doc = Doc("bad-approval",
            [new { id = "approve", type = "Approval", approvers = new[] { new { group = "x" } }, mode = "sometimes", timeout = "two days" },
             new { id = "onApproved", type = "SetVariable", name = "outcome", value = "Approved" }],
            [Link("approve", "Approve", "onApproved")]);
        var problem = await ExpectProblemAsync(await Client.PutAsync($"{Workflows(tenant)}/bad-approval/draft", Body(doc)), HttpStatusCode.UnprocessableEntity);
        var pointers = problem.GetProperty("errors").EnumerateArray().Select(e => e.Str("pointer")).ToList();
        Assert.Contains(pointers, p => p.StartsWith("/root/activities/0/approvers/", StringComparison.Ordinal));
        Assert.Contains(pointers, p => p.StartsWith("/root/activities/0/mode", StringComparison.Ordinal));
        Assert.Contains(pointers, p => p.StartsWith("/root/activities/0/timeout", StringComparison.Ordinal));
        Assert.Contains("/root/connections/0/source/port", pointers);

        var document = await ExpectAsync(await Client.GetAsync($"/api/{tenant}/openapi.json"), HttpStatusCode.OK);
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/{tenant}/approvals", StringComparison.Ordinal) || raw == "/api/{tenant}/inbox"))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => (Method: m.ToLowerInvariant(), Path: e.RoutePattern.RawText!["/api/{tenant}".Length..].Replace(":guid", ""))))
            .ToList();
        Assert.Equal(10, routes.Count);
        foreach (var (method, path) in routes)
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
    }

    [Fact]
    public async Task A_step_whose_approver_is_the_submitter_is_skipped_and_an_entry_resolving_to_nobody_falls_back()
    {
        var tenant = await Host.CreateTenantAsync();
        var boss = await PersonAsync(tenant, "boss");
        var sue = await PersonAsync(tenant, "sue", managerId: boss.Id);
        var ann = await PersonAsync(tenant, "ann");
        await PublishAsync(tenant, ApprovalDoc("skip-me", [new { expression = "user.id" }, new { user = "ann" }], "sequence", new { skipSubmitter = true }));
        await PublishAsync(tenant, ApprovalDoc("nobody", [new { role = "no-such-role" }], "any", new { fallback = "submitterManager" }));
        await PublishAsync(tenant, ApprovalDoc("no-fallback", [new { role = "no-such-role" }], "any"));

        var skipped = (await ExpectAsync(await sue.Client.PostAsync($"{Workflows(tenant)}/skip-me/start", Body(new { })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Empty(await ApprovalsOfAsync(sue, tenant));
        await DecideAsync(ann, tenant, (await AwaitApprovalAsync(ann, tenant, skipped)).GetProperty("id").GetGuid(), "approve");
        Assert.Equal("Approved", Outcome(await WaitForStatusAsync(tenant, skipped, "finished")));

        // Nobody holds the role: the request falls back to the submitter's manager.
        var fellBack = (await ExpectAsync(await sue.Client.PostAsync($"{Workflows(tenant)}/nobody/start", Body(new { })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var task = await AwaitApprovalAsync(boss, tenant, fellBack);
        await DecideAsync(boss, tenant, task.GetProperty("id").GetGuid(), "reject");
        Assert.Equal("Rejected", Outcome(await WaitForStatusAsync(tenant, fellBack, "finished")));

        var faulted = await StartAsync(tenant, "no-fallback", new { });
        Assert.Equal("faulted", faulted.Str("status"));
        var incident = Assert.Single((await InstanceAsync(tenant, faulted.GetProperty("id").GetGuid())).GetProperty("incidents").EnumerateArray());
        Assert.Contains("resolved to an active user", incident.Str("error"));
    }
}
