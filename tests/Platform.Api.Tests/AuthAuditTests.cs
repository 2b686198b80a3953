using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Tests.Support;
using Platform.Records.Auditing;
using Platform.Runtime;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Logins, failures and lockouts reach the audit log (SQLite host with a recording log); membership changes reach the trail.</summary>
public sealed class AuthAuditTests : IAsyncLifetime
{
    private readonly RecordingAuditLog _audit = new();
    private TestStorage _storage = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestProvider.Sqlite);
        _factory = ApiHost.Start(new Dictionary<string, string>(_storage.Settings) { ["auth:lockout-failures"] = "2" }, demo: false)
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IAuditLog>(_audit)));
        await PlatformTestHost.ApplyModulesAsync(_factory.Services, "audited", ApiHost.ShippedModules);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task Sign_ins_failures_lockouts_and_role_changes_are_audited_without_secrets()
    {
        var anonymous = _factory.CreateClient();
        var admin = PlatformTestHost.AuthenticatedClient(_factory);
        var user = await ExpectAsync(await admin.PostAsync("/api/audited/admin/users", Body(new { user_name = "erin", password = UserClients.Password })), HttpStatusCode.Created);
        await ExpectAsync(await admin.PatchAsync($"/api/audited/admin/users/{user.Id()}", Body(new { roles = new[] { "salesperson" } })), HttpStatusCode.OK);
        for (var i = 0; i < 2; i++) await anonymous.PostAsync("/api/audited/auth/token", Body(new { username = "erin", password = "wrong-password-1" }));

        var actions = _audit.Events.Select(e => e.Action).ToList();
        Assert.Contains("login", actions);
        // User administration writes its entries in the change's own transaction, straight into the tenant's trail.
        var trail = (await ExpectAsync(await admin.GetAsync("/api/audited/admin/audit"), HttpStatusCode.OK)).Values();
        Assert.Contains(trail, e => e.Str("action") == "user-created" && e.Str("record_id") == user.Str("id"));
        var granted = Assert.Single(trail, e => e.Str("action") == "role-granted");
        Assert.Equal("salesperson", granted.GetProperty("details").Str("role"));
        Assert.Equal("admin", granted.Str("actor_name"));
        Assert.Equal(2, _audit.Events.Count(e => e.Action == "login-failed" && e.Actor.Name == "erin"));
        Assert.Single(_audit.Events, e => e.Action == "lockout" && e.Actor.UserId == user.Id());
        Assert.DoesNotContain(_audit.Events, e => e.Details?.Values.Any(v => Equals(v, TestAdmin.Password) || Equals(v, UserClients.Password)) == true);
    }

    private sealed class RecordingAuditLog : IAuditLog
    {
        public ConcurrentQueue<AuditEvent> Events { get; } = new();

        public Task WriteAsync(TenantRuntime runtime, AuditEvent entry, CancellationToken ct)
        {
            Events.Enqueue(entry);
            return Task.CompletedTask;
        }
    }
}
