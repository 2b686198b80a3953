using Platform.Workflows.Tests.Support;

namespace Platform.Workflows.Tests;

public abstract partial class WorkflowTests
{
    [Theory]
    [InlineData(500, "big")]
    [InlineData(50, "small")]
    [InlineData(-1, "none")]
    public async Task If_and_switch_follow_the_port_their_condition_chooses(int amount, string expected)
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        await Host.SharedAsync("paths-workflow", async () =>
        {
            await PublishAsync(tenant, Doc("paths",
            [
                new { id = "positive", type = "If", condition = Expr("input.amount >= 0") },
                new { id = "size", type = "Switch", cases = new object[] { new { name = "Big", condition = Expr("input.amount > 100") }, new { name = "Small", condition = Expr("input.amount <= 100") } } },
                new { id = "big", type = "SetVariable", name = "result", value = "big" },
                new { id = "small", type = "SetVariable", name = "result", value = "small" },
                new { id = "none", type = "SetVariable", name = "result", value = Expr("'none:' + input.amount") },
            ],
            [Link("positive", "True", "size"), Link("positive", "False", "none"), Link("size", "Big", "big"), Link("size", "Small", "small")],
            variables: new { result = (string?)null }));
            return true;
        });

        var started = await StartAsync(tenant, "paths", new { input = new { amount } });

        Assert.Equal("finished", started.Str("status"));
        var instance = await InstanceAsync(tenant, started.GetProperty("id").GetGuid());
        Assert.StartsWith(expected, instance.GetProperty("variables").Str("result"));
        var path = PathOf(instance);
        Assert.Equal(amount >= 0 ? "positive:True" : "positive:False", path[0]);
        if (amount >= 0) Assert.Equal(amount > 100 ? "size:Big" : "size:Small", path[1]);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("any")]
    public async Task Fork_runs_every_branch_and_join_continues_after_all_or_the_first(string mode)
    {
        var tenant = await Host.SharedAsync("plain", () => Host.CreateTenantAsync());
        var id = $"fork-{mode}";
        await PublishAsync(tenant, Doc(id,
        [
            new { id = "fork", type = "Fork", branches = new[] { "A", "B" } },
            new { id = "a", type = "SetVariable", name = "a", value = true },
            new { id = "b1", type = "SetVariable", name = "b", value = true },
            // Branch B waits a day: "all" waits for it, "any" cancels it.
            new { id = "b2", type = "Delay", duration = "P1D" },
            new { id = "join", type = "Join", mode },
            new { id = "after", type = "SetVariable", name = "joined", value = true },
        ],
        [Link("fork", "A", "a"), Link("fork", "B", "b1"), Link("b1", "Done", "b2"), Link("a", "Done", "join"), Link("b2", "Done", "join"), Link("join", "Done", "after")],
        variables: new { joined = false }));

        var started = await StartAsync(tenant, id, new { });

        var instance = await InstanceAsync(tenant, started.GetProperty("id").GetGuid());
        var variables = instance.GetProperty("variables");
        Assert.True(variables.GetProperty("a").GetBoolean());
        if (mode == "all")
        {
            Assert.True(variables.GetProperty("b").GetBoolean());
            Assert.Equal("suspended", started.Str("status"));
            Assert.False(variables.GetProperty("joined").GetBoolean());
            Assert.Equal(["b2"], started.GetProperty("waitingAt").EnumerateArray().Select(w => w.GetString()));
        }
        else
        {
            Assert.Equal("finished", started.Str("status"));
            Assert.True(variables.GetProperty("joined").GetBoolean());
            Assert.Empty(started.GetProperty("waitingAt").EnumerateArray());
            // Branch B was still queued when A arrived: the join cancelled it.
            Assert.False(variables.TryGetProperty("b", out _));
            Assert.Contains("join:Done", PathOf(instance));
        }
    }
}
