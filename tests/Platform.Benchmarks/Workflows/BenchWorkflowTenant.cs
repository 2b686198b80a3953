using System.Net.Http.Json;
using System.Text.Json;
using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;
using Platform.Runtime;

namespace Platform.Benchmarks.Workflows;

/// <summary>A tenant with crm-core only, its administrator's HTTP client, its published workflows and seeded accounts.</summary>
public sealed class BenchWorkflowTenant : IDisposable
{
    private BenchWorkflowTenant(TenantRuntime runtime, HttpClient client, IReadOnlyList<Guid> accounts)
    {
        Runtime = runtime;
        Client = client;
        Accounts = accounts;
    }

    public TenantRuntime Runtime { get; }
    public string Id => Runtime.Id;
    /// <summary>Signed in as the tenant's administrator (one token per tenant).</summary>
    public HttpClient Client { get; }
    public IReadOnlyList<Guid> Accounts { get; }

    /// <summary>Installs crm-core, publishes the workflows through the API and creates <paramref name="accounts"/> accounts with one bulk request.</summary>
    public static async Task<BenchWorkflowTenant> CreateAsync(BenchHost host, string id, string crmCore, int accounts, params string[] workflows)
    {
        var runtime = await BenchTenant.InstallAsync(host.Services, id, [crmCore]);
        await host.SignInAsync(id);
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        host.Authorize(client);
        foreach (var workflow in workflows)
        {
            var doc = JsonDocument.Parse(workflow).RootElement;
            var workflowId = doc.GetProperty("id").GetString();
            await ExpectAsync(await client.PutAsync($"api/{id}/workflows/{workflowId}/draft", new StringContent(workflow, System.Text.Encoding.UTF8, "application/json")));
            await ExpectAsync(await client.PostAsync($"api/{id}/workflows/{workflowId}/publish", null));
        }
        var ids = new List<Guid>();
        if (accounts > 0)
        {
            var records = Enumerable.Range(1, accounts).Select(i => new { name = $"Account {i:D5}", employees = i }).ToList();
            await ExpectAsync(await client.PostAsJsonAsync($"api/{id}/data/account/bulk", new { mode = "create", records }));
            using var page = JsonDocument.Parse(await ExpectAsync(await client.GetAsync($"api/{id}/data/account?$top={accounts}&$select=id")));
            ids.AddRange(page.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            if (ids.Count != accounts) throw new InvalidOperationException($"{ids.Count} accounts read back, {accounts} created");
        }
        return new BenchWorkflowTenant(runtime, client, ids);
    }

    private static async Task<string> ExpectAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text[..Math.Min(500, text.Length)]}");
            return text;
        }
    }

    public void Dispose() => Client.Dispose();
}
