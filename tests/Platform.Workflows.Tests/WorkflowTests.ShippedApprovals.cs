using System.Net;
using System.Text.Json;
using Platform.Messaging.Email;
using static Platform.Workflows.Tests.Support.Json;

namespace Platform.Workflows.Tests;

/// <summary>The approval workflows the sales module ships, end to end through the API as the people involved.</summary>
public abstract partial class WorkflowTests
{
    private sealed record SalesTeam(string Tenant, Person Manager, Person Seller, Person Director, Guid Deal);

    /// <summary>A tenant with a sales manager, a salesperson reporting to them, a sales director, and an opportunity the salesperson owns.</summary>
    private async Task<SalesTeam> SalesTeamAsync()
    {
        var tenant = await Host.CreateTenantAsync();
        var manager = await PersonAsync(tenant, "mia", ["sales-manager"]);
        var seller = await PersonAsync(tenant, "sam", ["salesperson"], manager.Id);
        var director = await PersonAsync(tenant, "dora", ["sales-director"]);
        var account = (await ExpectAsync(await seller.Client.PostAsync($"/api/{tenant}/data/account", Body(new { name = "Globex" })), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var deal = (await ExpectAsync(await seller.Client.PostAsync($"/api/{tenant}/data/opportunity", Body(new { name = "Globex renewal", account, amount = 1000 })),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return new SalesTeam(tenant, manager, seller, director, deal);
    }

    private async Task<Guid> DiscountRequestedAsync(SalesTeam team, decimal discount)
    {
        await ExpectAsync(await team.Seller.Client.PatchAsync($"/api/{team.Tenant}/data/opportunity/{team.Deal}", Body(new { discount })), HttpStatusCode.OK);
        return (await AwaitApprovalAsync(team.Manager, team.Tenant)).GetProperty("instanceId").GetGuid();
    }

    private async Task<JsonElement> DealAsync(SalesTeam team) => await RecordAsync(team.Tenant, "opportunity", team.Deal);

    [Fact]
    public async Task Discount_approval_asks_the_owners_manager_and_once_approved_marks_the_deal_and_emails_the_owner()
    {
        var team = await SalesTeamAsync();

        var instance = await DiscountRequestedAsync(team, 25);

        Assert.Equal("suspended", (await InstanceAsync(team.Tenant, instance)).GetProperty("instance").Str("status"));
        var task = Assert.Single(await ApprovalsOfAsync(team.Manager, team.Tenant));
        // PostgreSQL answers the decimal with its scale (25.00), SQLite as written.
        Assert.Matches(@"^Discount of 25(\.00)?% on Globex renewal$", task.Str("subject"));
        Assert.Equal("opportunity", task.Str("entity"));
        Assert.Equal(team.Deal, task.GetProperty("recordId").GetGuid());
        Assert.True(task.GetProperty("dueAt").GetDateTime() > DateTime.UtcNow.AddDays(1.9));
        Assert.Empty(await ApprovalsOfAsync(team.Director, team.Tenant));

        await DecideAsync(team.Manager, team.Tenant, task.GetProperty("id").GetGuid(), "approve", "ok this once");

        await WaitForStatusAsync(team.Tenant, instance, "finished");
        var deal = await DealAsync(team);
        Assert.True(deal.GetProperty("discount_approved").GetBoolean());
        // The update ran with the workflow's identity (the seller whose change started it), not the approver's.
        Assert.Equal(team.Seller.Id, deal.GetProperty("modified_by").GetGuid());
        var email = Assert.Single(await EmailStore.ListAsync(await Host.RuntimeAsync(team.Tenant), 10, CancellationToken.None));
        Assert.Equal(["sam@example.com"], email.To);
        Assert.Equal("Discount approved: Globex renewal", email.Subject);
    }

    [Fact]
    public async Task Discount_approval_escalates_to_a_sales_director_when_the_manager_does_not_decide_within_two_days()
    {
        var team = await SalesTeamAsync();
        var instance = await DiscountRequestedAsync(team, 30);
        var managerTask = (await AwaitApprovalAsync(team.Manager, team.Tenant, instance)).GetProperty("id").GetGuid();

        await MakeTimersDueAsync(team.Tenant, instance);

        var escalated = await AwaitApprovalAsync(team.Director, team.Tenant, instance);
        Assert.Matches(@"^Escalated: discount of 30(\.00)?% on Globex renewal$", escalated.Str("subject"));
        Assert.Empty(await ApprovalsOfAsync(team.Manager, team.Tenant));
        Assert.Equal("cancelled", (await ExpectProblemAsync(await ActAsync(team.Manager, team.Tenant, managerTask, "decision", new { outcome = "approve" }), HttpStatusCode.Conflict)).Str("status"));
        await DecideAsync(team.Director, team.Tenant, escalated.GetProperty("id").GetGuid(), "approve");

        var finished = await WaitForStatusAsync(team.Tenant, instance, "finished");
        Assert.Equal(["approve:TimedOut", "escalate:Approved", "mark:Done", "tell:Done"], PathOf(finished));
        Assert.True((await DealAsync(team)).GetProperty("discount_approved").GetBoolean());
    }

    [Fact]
    public async Task A_rejected_discount_is_not_marked_approved_and_no_one_is_emailed_while_a_small_discount_asks_no_one()
    {
        var team = await SalesTeamAsync();
        await ExpectAsync(await team.Seller.Client.PatchAsync($"/api/{team.Tenant}/data/opportunity/{team.Deal}", Body(new { discount = 10 })), HttpStatusCode.OK);
        await DeliveredAsync(await Host.RuntimeAsync(team.Tenant));
        Assert.Empty(await InstancesAsync(team.Tenant, "workflow=discount-approval"));

        var instance = await DiscountRequestedAsync(team, 40);
        await DecideAsync(team.Manager, team.Tenant, (await AwaitApprovalAsync(team.Manager, team.Tenant, instance)).GetProperty("id").GetGuid(), "reject", "too much");

        var finished = await WaitForStatusAsync(team.Tenant, instance, "finished");
        Assert.Equal(["approve:Rejected"], PathOf(finished));
        Assert.False((await DealAsync(team)).GetProperty("discount_approved").GetBoolean());
        Assert.Empty(await EmailStore.ListAsync(await Host.RuntimeAsync(team.Tenant), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Request_approval_asks_the_owners_manager_then_a_sales_director_in_sequence()
    {
        var team = await SalesTeamAsync();

        var started = await ExpectAsync(await team.Seller.Client.PostAsync($"{Workflows(team.Tenant)}/request-approval/start", Body(new { recordId = team.Deal })),
            HttpStatusCode.Created);

        var instance = started.GetProperty("id").GetGuid();
        Assert.Equal("suspended", started.Str("status"));
        var first = await AwaitApprovalAsync(team.Manager, team.Tenant, instance);
        Assert.Equal(team.Seller.Id, first.GetProperty("submitter").GetGuid());
        // The director sees nothing until the manager approved.
        Assert.Empty(await ApprovalsOfAsync(team.Director, team.Tenant));
        await DecideAsync(team.Manager, team.Tenant, first.GetProperty("id").GetGuid(), "approve");
        var second = await AwaitApprovalAsync(team.Director, team.Tenant, instance);
        Assert.Equal("Approve Globex renewal", second.Str("subject"));
        await DecideAsync(team.Director, team.Tenant, second.GetProperty("id").GetGuid(), "approve");

        var finished = await WaitForStatusAsync(team.Tenant, instance, "finished");
        Assert.Equal(["approve:Approved", "approved:Done"], PathOf(finished));
        var notifications = (await ExpectAsync(await team.Seller.Client.GetAsync($"/api/{team.Tenant}/notifications"), HttpStatusCode.OK)).GetProperty("value").EnumerateArray();
        Assert.Contains(notifications, n => n.Str("title") == "Globex renewal was approved.");
    }
}
