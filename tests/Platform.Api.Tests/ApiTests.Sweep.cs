using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Tests.Sweep;
using Platform.TestSupport;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// A sweep of malformed requests over every operation of the tenant's OpenAPI document (which covers every route,
/// see the OpenAPI tests): nothing may answer 5xx, and every 4xx must be an RFC 9457 problem document.
/// </summary>
public abstract partial class ApiTests
{
    /// <summary>Fixed, so a failure repeats; PLATFORM_SWEEP_SEED explores other requests (the failure message names the seed).</summary>
    private static int SweepSeed => int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_SWEEP_SEED"), out var seed) ? seed : 20261205;
    private const int RequestsPerOperation = 55;

    [Fact]
    public async Task Malformed_requests_to_every_route_never_answer_5xx_and_every_4xx_is_a_problem_document()
    {
        var tenant = await Host.CreateTenantAsync();
        var definitions = (await ExpectAsync(await Client.GetAsync($"/api/{tenant}/metadata/entities"), HttpStatusCode.OK)).Values();
        var records = await CreateOneOfEachAsync(tenant, definitions);
        // Requests on /admin/users/{id} get this user, never the administrator the sweep signs in as.
        var user = await TenantUsers.CreateAsync(Client, tenant, "sweep-target", ["read-only"]);
        var document = JsonNode.Parse(await Client.GetStringAsync($"/api/{tenant}/openapi.json"))!;
        // Requests with other credentials than the administrator's token go through a client that keeps no cookies.
        using var browser = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await browser.PostAsync($"/api/{tenant}/auth/login", Body(new { username = TestAdmin.UserName, password = TestAdmin.Password }));
        var session = (await ExpectAsync(login, HttpStatusCode.OK)).ValueKind is JsonValueKind.Object
            ? login.Headers.GetValues("Set-Cookie").First().Split(';')[0]
            : null;
        var context = new SweepContext(records, user, session);
        var requests = new MalformedRequests(document, $"/api/{tenant}", context, SweepSeed).For(RequestsPerOperation).ToList();

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            using var message = request.ToMessage();
            HttpResponseMessage response;
            try
            {
                response = await (request.Credentials == "admin" ? Client : browser).SendAsync(message, ct);
            }
            catch (HttpRequestException e)
            {
                // The server failed after the answer had started (e.g. while streaming an export).
                failures.Enqueue($"the answer broke off ({e.InnerException?.InnerException?.Message ?? e.Message}) for {request}");
                return;
            }
            using var _ = response;
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500) failures.Enqueue($"{status} for {request}\n  {await response.Content.ReadAsStringAsync(ct)}");
            else if (status >= 400 && await SweepAnswers.ProblemDocumentMistakeAsync(response, ct) is { } mistake) failures.Enqueue($"{status} {mistake} for {request}");
        });

        Assert.True(failures.IsEmpty,
            $"{failures.Count} of {requests.Count} requests failed (seed {SweepSeed}, {clock.Elapsed.TotalSeconds:0} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}):\n" +
            string.Join("\n", failures.Take(40)));
        Assert.True(requests.Count > 4000, $"only {requests.Count} requests");
        // The sweep reaches the handlers, not only the routing and authentication in front of them.
        Assert.True(statuses.Keys.Count(s => s is >= 200 and < 300) > 0 && statuses.ContainsKey(422) && statuses.ContainsKey(400), string.Join(", ", statuses.Keys));
    }
}
