using System.Net;
using Platform.Api.Tests.Support;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Lockout under parallel guessing.</summary>
public abstract partial class ApiTests
{
    [Fact]
    public async Task Parallel_wrong_passwords_all_count_towards_lockout_and_no_more_than_the_limit_are_checked()
    {
        var tenant = await Host.CreateTenantAsync();
        await Host.CreateUserClientAsync(tenant, "dave");

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Host.AnonymousClient.PostAsync($"/api/{tenant}/auth/token", Body(new { username = "dave", password = $"parallel-guess-{i}" }))));

        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));
        var failures = await AuditEntriesAsync(AdminAudit(tenant, ("action", "login-failed"), ("$top", "100")));
        var checkedGuesses = failures.Count(f => f.GetProperty("details").Str("reason") == "wrong-password");
        Assert.Equal(20, failures.Count);
        Assert.True(checkedGuesses <= 5, $"{checkedGuesses} of 20 parallel guesses had their password checked; the lockout allows 5");
        // Locked: even the right password is refused now.
        await ExpectProblemAsync(await Host.AnonymousClient.PostAsync($"/api/{tenant}/auth/token",
            Body(new { username = "dave", password = UserClients.Password })), HttpStatusCode.Unauthorized);
    }
}
