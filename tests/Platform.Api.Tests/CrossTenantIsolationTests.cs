using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Api.Auth;
using Platform.Api.Tests.Support;
using Platform.TestSupport;
using Xunit.Abstractions;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>
/// Cross-tenant isolation, as a fuzz: two tenants with the shipped modules share one host; tenant B's records carry a
/// marker only B knows. At least 10,000 generated requests with tenant A's credentials (admin token, a salesperson's
/// token, an API key in both header forms, a cookie session) aim at B's records: B's ids copied or guessed on A's and
/// B's routes, forged tenant routes and headers, $filter / $expand / $select / $orderby / $skiptoken, exports, bulk
/// batches and creates with B's ids and unique values, lookups and links to B's records, actions, relations,
/// timelines, privacy exports, metadata and OpenAPI. No answer may hold B's marker (or a B id or unique value the
/// request did not carry), no request may reach B's routes, a B id on A's routes must answer exactly like an id that
/// never existed, and afterwards both tenants' records are as they were.
/// </summary>
public abstract class CrossTenantIsolationTests(ApiHost host, ITestOutputHelper output)
{
    /// <summary>Fixed, so a failure can be replayed; PLATFORM_FUZZ_SEED overrides it.</summary>
    private const int DefaultSeed = 20260415;

    private const int PrimaryRequests = 10_000;

    private const int Concurrency = 8;

    private static readonly string[] Entities = ["account", "contact", "opportunity", "activity", "lead"];

    private static readonly Regex GuidPattern = new("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}", RegexOptions.Compiled);

    private ApiHost Host { get; } = host;

    [Fact]
    public async Task Ten_thousand_requests_with_tenant_a_credentials_find_no_record_of_tenant_b_and_change_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var a = await SeedAsync(await Host.CreateTenantAsync(), "A-OWN");
        var b = await SeedAsync(await Host.CreateTenantAsync(), "B-SECRET");
        var credentials = await CredentialsOfAsync(a.Tenant);
        var before = (A: await SnapshotAsync(a), B: await SnapshotAsync(b));

        var generator = new Generator(seed, a, b, credentials);
        var probes = Enumerable.Range(0, PrimaryRequests).Select(generator.Next).ToList();

        using var fuzz = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        // The checks catch a leak when there is one: B's own administrator reading B's list breaks every rule above.
        var bToken = await Host.TokenAsync(b.Tenant, TestAdmin.UserName, TestAdmin.Password);
        var control = new Probe("control", HttpMethod.Get, $"/api/{b.Tenant}/data/contact", null,
            new Credential("B's admin token", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bToken), true), [], Rule.Empty);
        var caught = Check(control, await SendAsync(fuzz, control, CancellationToken.None), b).ToList();
        Assert.Contains("the answer holds B's marker", caught);
        Assert.Contains(caught, c => c.StartsWith("the list has", StringComparison.Ordinal));

        var failures = new ConcurrentQueue<string>();
        var tally = new ConcurrentDictionary<string, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (probe, ct) =>
        {
            var answer = await SendAsync(fuzz, probe, ct);
            Interlocked.Increment(ref sent);
            tally.AddOrUpdate($"{probe.Category} {answer.Status}", 1, (_, n) => n + 1);
            var problems = Check(probe, answer, b).ToList();
            if (probe.Twin is { } twin)
            {
                var twinAnswer = await SendAsync(fuzz, twin, ct);
                Interlocked.Increment(ref sent);
                tally.AddOrUpdate($"{probe.Category} (never-existing twin) {twinAnswer.Status}", 1, (_, n) => n + 1);
                problems.AddRange(Check(twin, twinAnswer, b));
                if (twinAnswer.Status != answer.Status)
                    problems.Add($"answers {answer.Status} for B's id but {twinAnswer.Status} for an id that never existed: existence leaks");
            }
            foreach (var problem in problems)
                failures.Enqueue($"#{probe.Index} [{probe.Category}] {probe.Method} {probe.Url} as {probe.Credential.Name}{(probe.Body is null ? "" : " body " + Shorten(probe.Body))}: {problem}; answer {answer.Status} {Shorten(answer.Body)}");
        });
        clock.Stop();

        Summarize(seed, sent, clock.Elapsed, tally);
        Assert.True(failures.IsEmpty,
            $"Seed {seed} (set PLATFORM_FUZZ_SEED to replay): {failures.Count} of {sent} requests broke isolation; first ones:\n" +
            string.Join("\n", failures.Take(25)));
        Assert.True(sent >= PrimaryRequests);

        // Nothing of B changed (and nothing of A's landed in B), nothing of A changed, and A is still served.
        var after = (A: await SnapshotAsync(a), B: await SnapshotAsync(b));
        Assert.Equal(before.B, after.B);
        Assert.Equal(before.A, after.A);
        Assert.DoesNotContain(a.Marker, after.B, StringComparison.Ordinal);
        await AssertServedAsync(a, credentials);
        await AssertHoldsNothingOfAsync(a, b);
    }

    // ---- the two tenants ---------------------------------------------------------------------------------------

    /// <summary>What a tenant holds: its marker, every record id by entity, unique values, its admin, B's copied continuation tokens.</summary>
    private sealed record Side(
        string Tenant, string Marker, IReadOnlyDictionary<string, List<Guid>> Ids, IReadOnlyList<string> ContactEmails,
        IReadOnlyList<string> OpportunityEmails, Guid AdminId, IReadOnlyList<(string Entity, string OrderBy, string Token)> SkipTokens, IReadOnlyList<string> IdempotencyKeys)
    {
        public IEnumerable<Guid> AllIds => Ids.Values.SelectMany(i => i).Append(AdminId);

        public IEnumerable<string> UniqueValues => ContactEmails.Concat(OpportunityEmails);
    }

    private async Task<Side> SeedAsync(string tenant, string prefix)
    {
        const int count = 6;
        var marker = $"{prefix}-{Guid.NewGuid():N}";
        // Unique values another tenant might copy: they do not carry the marker, which nobody outside the tenant sends.
        var known = $"{prefix.ToLowerInvariant()}-known-{Guid.NewGuid():N}"[..24];
        var client = Host.Client; // the tenant's own administrator
        var ids = Entities.ToDictionary(e => e, _ => new List<Guid>());
        var contactEmails = new List<string>();
        var opportunityEmails = new List<string>();

        async Task<Guid> CreateAsync(string entity, object body, string? idempotencyKey = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{tenant}/data/{entity}") { Content = Body(body) };
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            return (await ExpectAsync(await client.SendAsync(request), HttpStatusCode.Created)).Id();
        }

        var idempotencyKeys = Enumerable.Range(0, count).Select(i => $"import-{known}-{i}").ToList();

        for (var i = 0; i < count; i++)
        {
            var account = await CreateAsync("account", new
            {
                name = $"{marker} account {i}", city = marker, description = $"plans of {marker}", email = $"acct{i}.{known}@x.example",
                tier = "vip", employees = 100 + i,
            }, idempotencyKeys[i]);
            ids["account"].Add(account);
            var email = $"contact{i}.{known}@x.example";
            contactEmails.Add(email);
            ids["contact"].Add(await CreateAsync("contact", new { full_name = $"{marker} contact {i}", account, email, job_title = marker, phone = "+86 138 0000 1234" }));
            var opportunityEmail = $"deal{i}.{known}@x.example";
            opportunityEmails.Add(opportunityEmail);
            ids["opportunity"].Add(await CreateAsync("opportunity", new
            {
                name = $"{marker} deal {i}", account, amount = 1000 + i, contact_email = opportunityEmail, notes = marker, tags = new[] { "key" },
            }));
            ids["activity"].Add(await CreateAsync("activity", new
            {
                subject = $"{marker} call {i}", account, contact = ids["contact"][i], occurred_at = "2026-03-01T10:00:00Z", body = marker, kind = "call",
            }));
            ids["lead"].Add(await CreateAsync("lead", new { full_name = $"{marker} lead {i}", company = $"{marker} corp", email = $"lead{i}.{known}@x.example" }));
        }
        for (var i = 0; i < count; i++)
        {
            foreach (var contact in new[] { ids["contact"][i], ids["contact"][(i + 1) % count] })
                Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/{tenant}/data/opportunity/{ids["opportunity"][i]}/contacts", Body(new { id = contact }))).StatusCode);
        }

        // Continuation tokens of the tenant's own lists (what A could have copied from a leaked link).
        var tokens = new List<(string, string, string)>();
        foreach (var (entity, orderBy) in new[] { ("account", "name"), ("contact", "full_name desc"), ("opportunity", "amount"), ("lead", "created_at") })
        {
            var page = await ExpectAsync(await client.GetAsync($"/api/{tenant}/data/{entity}?$top=2&$orderby={Uri.EscapeDataString(orderBy)}"), HttpStatusCode.OK);
            var next = page.GetProperty("@odata.nextLink").GetString()!;
            var token = next[(next.IndexOf("$skiptoken=", StringComparison.Ordinal) + "$skiptoken=".Length)..].Split('&')[0];
            tokens.Add((entity, orderBy, Uri.UnescapeDataString(token)));
        }
        var admin = (await ExpectAsync(await client.GetAsync($"/api/{tenant}/auth/me"), HttpStatusCode.OK)).Id();
        return new Side(tenant, marker, ids, contactEmails, opportunityEmails, admin, tokens, idempotencyKeys);
    }

    /// <summary>Every record of the tenant with its row version and every many-to-many link and record audit entry, read by its own administrator.</summary>
    private async Task<string> SnapshotAsync(Side tenant)
    {
        var lines = new List<string>();
        foreach (var entity in Entities)
        {
            var page = await ExpectAsync(await Host.Client.GetAsync($"/api/{tenant.Tenant}/data/{entity}?$top=1000&$count=exact"), HttpStatusCode.OK);
            lines.Add($"{entity} count {page.GetProperty("@odata.count").GetInt64()}");
            lines.AddRange(page.Values().Select(r => $"{entity} {r.Str("id")} v{r.GetProperty("row_version").GetInt64()} {r.Str("owner")}"));
            var audit = await ExpectAsync(await Host.Client.GetAsync($"/api/{tenant.Tenant}/admin/audit?entity={entity}&$top=500"), HttpStatusCode.OK);
            lines.Add($"{entity} audit entries {audit.Values().Count}");
        }
        foreach (var opportunity in tenant.Ids["opportunity"])
        {
            var linked = await ExpectAsync(await Host.Client.GetAsync($"/api/{tenant.Tenant}/data/opportunity/{opportunity}/contacts"), HttpStatusCode.OK);
            lines.AddRange(linked.Values().Select(c => $"link {opportunity} {c.Str("id")}").Order(StringComparer.Ordinal));
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    // ---- A's credentials ---------------------------------------------------------------------------------------

    private sealed record Credential(string Name, Action<HttpRequestMessage> Apply, bool IsAdmin);

    private async Task<IReadOnlyList<Credential>> CredentialsOfAsync(string tenant)
    {
        var adminToken = await Host.TokenAsync(tenant, TestAdmin.UserName, TestAdmin.Password);
        await Host.CreateUserClientAsync(tenant, "fuzz-seller", roles: ["salesperson"], teams: ["sales"]);
        var userToken = await Host.TokenAsync(tenant, "fuzz-seller", UserClients.Password);
        var key = (await ExpectAsync(await Host.Client.PostAsync($"/api/{tenant}/auth/api-keys", Body(new { name = "fuzz" })), HttpStatusCode.Created)).Str("key");

        using var browser = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await browser.PostAsync($"/api/{tenant}/auth/login", Body(new { username = TestAdmin.UserName, password = TestAdmin.Password }));
        await ExpectAsync(login, HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthSchemes.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        return
        [
            new("admin token", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken), true),
            new("salesperson token", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", userToken), false),
            new("api key (Authorization)", r => r.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key), true),
            new("api key (X-Api-Key)", r => r.Headers.Add("X-Api-Key", key), true),
            new("cookie", r =>
            {
                r.Headers.Add("Cookie", cookie);
                r.Headers.Add(AuthSchemes.CsrfHeader, "platform");
            }, true),
            new("cookie without csrf header", r => r.Headers.Add("Cookie", cookie), true),
        ];
    }

    // ---- requests and what their answers must be ---------------------------------------------------------------

    private enum Rule
    {
        /// <summary>A's credentials on B's routes: refused at the door (401).</summary>
        ForeignRoute,

        /// <summary>A forged or mangled tenant segment: refused (401), or no such route / tenant (400, 404).</summary>
        ForgedRoute,

        /// <summary>Refused (4xx, never 2xx); with a twin, the same status as for an id that never existed.</summary>
        Refused,

        /// <summary>A query of A's data aimed at B's: 200 with no rows (or a 400/403 refusal).</summary>
        Empty,

        /// <summary>An invalid write carrying B's ids or unique values: 422 (or 403) whose errors lie only at the planted mistakes.</summary>
        InvalidOnlyWherePlanted,

        /// <summary>Anything but a server error; the leak checks still apply.</summary>
        NoLeak,
    }

    private sealed record Probe(
        string Category, HttpMethod Method, string Url, string? Body, Credential Credential, IReadOnlyList<(string Name, string Value)> Headers,
        Rule Rule, IReadOnlyList<string>? Planted = null, Probe? Twin = null, int Index = 0);

    private sealed record Answer(int Status, string Body, string? MediaType);

    private static async Task<Answer> SendAsync(HttpClient client, Probe probe, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(probe.Method, probe.Url);
        if (probe.Body is not null) request.Content = new StringContent(probe.Body, Encoding.UTF8, "application/json");
        probe.Credential.Apply(request);
        foreach (var (name, value) in probe.Headers)
        {
            if (name == "Host") request.Headers.Host = value;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request, ct);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Everything wrong with one answer; empty when it keeps B's data to B.</summary>
    private static IEnumerable<string> Check(Probe probe, Answer answer, Side b)
    {
        if (answer.Status >= 500) yield return "server error";
        if (answer.Body.Contains(b.Marker, StringComparison.OrdinalIgnoreCase)) yield return "the answer holds B's marker";

        // B's ids and unique values may only come back when the request itself carried them (an error naming the id).
        var sentText = Uri.UnescapeDataString(probe.Url) + " " + probe.Body + " " + string.Join(" ", probe.Headers.Select(h => h.Value));
        var sentIds = GuidPattern.Matches(sentText).Select(m => Guid.TryParse(m.Value, out var g) ? g : Guid.Empty).ToHashSet();
        foreach (var id in b.AllIds.Where(id => !sentIds.Contains(id)))
        {
            if (answer.Body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) || answer.Body.Contains(id.ToString("N"), StringComparison.OrdinalIgnoreCase))
                yield return $"the answer holds B's id {id}, which the request did not carry";
        }
        foreach (var value in b.UniqueValues.Where(v => !sentText.Contains(v, StringComparison.OrdinalIgnoreCase)))
        {
            if (answer.Body.Contains(value, StringComparison.OrdinalIgnoreCase)) yield return $"the answer holds B's unique value {value}";
        }

        switch (probe.Rule)
        {
            case Rule.ForeignRoute when answer.Status != 401:
                yield return "A's credentials on B's route were not refused with 401";
                break;
            case Rule.ForgedRoute when answer.Status is not (400 or 401 or 404):
                yield return "a forged tenant route was not refused (400, 401 or 404)";
                break;
            case Rule.Refused when answer.Status is < 400 or >= 500:
                yield return "was not refused";
                break;
            case Rule.Empty when answer.Status is not (200 or 400 or 403):
                yield return "a query of A's data answered neither 200 nor a 400/403 refusal";
                break;
            case Rule.Empty when answer.Status == 200:
                foreach (var problem in NonEmpty(answer)) yield return problem;
                break;
            case Rule.InvalidOnlyWherePlanted when answer.Status == 422:
                var pointers = Pointers(JsonDocument.Parse(answer.Body).RootElement.Clone());
                var stray = pointers.Where(p => !probe.Planted!.Any(planted => p.StartsWith(planted, StringComparison.Ordinal))).ToList();
                if (pointers.Count == 0 || stray.Count > 0)
                    yield return $"errors other than the planted ones ({string.Join(", ", stray)}): B's ids or values were seen";
                break;
            case Rule.InvalidOnlyWherePlanted when answer.Status != 403 && !(answer.Status == 404 && !probe.Credential.IsAdmin):
                yield return "an invalid write was not refused with 422 (or 403, or 404 for a record outside a non-administrator's scope)";
                break;
        }
    }

    private static IEnumerable<string> NonEmpty(Answer answer)
    {
        if (answer.MediaType == "text/csv")
        {
            var lines = answer.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length > 1) yield return $"the export has {lines.Length - 1} rows";
            yield break;
        }
        var root = JsonDocument.Parse(answer.Body).RootElement;
        if (root.TryGetProperty("value", out var value) && value.GetArrayLength() > 0) yield return $"the list has {value.GetArrayLength()} rows";
        if (root.TryGetProperty("@odata.count", out var count) && count.GetInt64() != 0) yield return $"the count is {count.GetInt64()}";
    }

    // ---- the generator -----------------------------------------------------------------------------------------

    /// <summary>Pseudo-random requests from a seeded <see cref="Random"/>: the same seed gives the same shapes (the ids are the run's own).</summary>
    private sealed class Generator(int seed, Side a, Side b, IReadOnlyList<Credential> credentials)
    {
        private Random random = new(seed);

        private static readonly Dictionary<string, string> PrimaryField = new()
        {
            ["account"] = "name", ["contact"] = "full_name", ["opportunity"] = "name", ["activity"] = "subject", ["lead"] = "full_name",
        };

        private static readonly Dictionary<string, string[]> Lookups = new()
        {
            ["account"] = [], ["contact"] = ["account"], ["opportunity"] = ["account"], ["activity"] = ["account", "contact"], ["lead"] = [],
        };

        private readonly List<(int Weight, Func<Probe> Make)> _kinds = [];
        private int _total;
        private int _serial;

        private Generator Add(int weight, Func<Probe> make)
        {
            _kinds.Add((weight, make));
            _total += weight;
            return this;
        }

        /// <summary>Request number <paramref name="index"/>: its own generator from (seed, index), so each one replays alone.</summary>
        public Probe Next(int index)
        {
            if (_kinds.Count == 0) Build();
            random = new Random(unchecked(seed * 1_000_003 + index));
            var pick = random.Next(_total);
            foreach (var (weight, make) in _kinds)
            {
                if (pick < weight) return make() with { Index = index };
                pick -= weight;
            }
            throw new InvalidOperationException("unreachable");
        }

        private void Build() => this
            .Add(14, BIdOnARoute)
            .Add(10, BIdSubresourceOnARoute)
            .Add(12, ForeignRoute)
            .Add(8, ForgedRoute)
            .Add(8, ForgedHeadersOnARoute)
            .Add(14, FilterOnA)
            .Add(5, SkipTokenOnA)
            .Add(5, ExportOnA)
            .Add(6, BulkWithBValues)
            .Add(5, CreateWithBValues)
            .Add(6, LookupsAndLinksToB)
            .Add(4, AuditOfAAboutB)
            .Add(3, GuessedIdsOnA)
            .Add(3, IdempotencyKeyOfB);

        // ---- pieces

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(int percent) => random.Next(100) < percent;

        private string Entity() => Pick(Entities);

        private Guid BId(string entity) => Pick(b.Ids[entity]);

        private Guid AnyBId() => Chance(10) ? b.AdminId : BId(Entity());

        private Guid RandomId()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        /// <summary>An id close to one of B's: one hex digit changed.</summary>
        private Guid NearBId()
        {
            var text = AnyBId().ToString("N").ToCharArray();
            var at = random.Next(text.Length);
            text[at] = text[at] == 'f' ? '0' : "0123456789abcdef"[random.Next(16)] is var c && c == text[at] ? 'f' : c;
            return Guid.ParseExact(new string(text), "N");
        }

        private string IdText(Guid id) => random.Next(6) switch
        {
            0 => id.ToString().ToUpperInvariant(),
            1 => id.ToString("B"),
            2 => id.ToString("N"),
            _ => id.ToString(),
        };

        private Credential Credential() => Pick(credentials);

        private string Write(string entity) => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            [PrimaryField[entity]] = $"A fuzz write {Interlocked.Increment(ref _serial)}",
        });

        private static string Json(object value) => JsonSerializer.Serialize(value);

        private static readonly (string Name, Func<Side, string> Value)[] ForgeryHeaders =
        [
            ("X-Tenant", t => t.Tenant), ("X-Tenant-Id", t => t.Tenant), ("Host", t => $"{t.Tenant}.localhost"),
            ("X-Forwarded-Host", t => $"{t.Tenant}.example.com"), ("Forwarded", t => $"host={t.Tenant}.example.com;proto=https"),
            ("X-Original-URL", t => $"/api/{t.Tenant}/data/account"), ("X-Rewrite-URL", t => $"/api/{t.Tenant}/data/account"),
            ("X-Forwarded-Prefix", t => $"/api/{t.Tenant}"), ("X-Forwarded-Path", t => $"/api/{t.Tenant}/data/account"),
        ];

        private IReadOnlyList<(string, string)> Forged(int percent)
        {
            if (!Chance(percent)) return [];
            var count = 1 + random.Next(3);
            return Enumerable.Range(0, count).Select(_ => Pick(ForgeryHeaders)).Distinct().Select(h => (h.Name, h.Value(b))).ToList();
        }

        /// <summary>A probe carrying one of B's ids, and its twin carrying an id that never existed.</summary>
        private Probe WithTwin(string category, HttpMethod method, Func<Guid, string> url, Func<Guid, string?> body, Guid bId,
            IReadOnlyList<(string, string)>? headers = null)
        {
            var credential = Credential();
            var never = RandomId();
            var twin = new Probe(category, method, url(never), body(never), credential, headers ?? [], Rule.Refused);
            return new Probe(category, method, url(bId), body(bId), credential, headers ?? [], Rule.Refused, Twin: twin);
        }

        // ---- kinds of requests

        /// <summary>GET / PATCH / DELETE of B's real ids (sometimes under another entity, in another spelling, with If-Match) on A's routes.</summary>
        private Probe BIdOnARoute()
        {
            var entity = Entity();
            var target = Chance(80) ? entity : Entity();
            var bId = BId(target);
            var method = Pick(new[] { HttpMethod.Get, HttpMethod.Get, HttpMethod.Patch, HttpMethod.Delete });
            var spelling = random.Next(6);
            string Spell(Guid id) => spelling switch { 0 => id.ToString().ToUpperInvariant(), 1 => id.ToString("N"), _ => id.ToString() };
            var headers = new List<(string, string)>(Forged(20));
            if (method != HttpMethod.Get && Chance(30)) headers.Add(("If-Match", $"\"{1 + random.Next(3)}\""));
            var body = method == HttpMethod.Patch ? Write(entity) : null;
            return WithTwin("B id on A's route", method, id => $"/api/{a.Tenant}/data/{entity}/{Spell(id)}", _ => body, bId, headers);
        }

        /// <summary>Timelines, relations, links, actions, assign, share, shares and privacy exports of B's ids on A's routes.</summary>
        private Probe BIdSubresourceOnARoute()
        {
            var entity = Entity();
            var bId = BId(entity);
            var bContact = BId("contact");
            switch (random.Next(11))
            {
                case 0: return WithTwin("B id sub-resource on A's route", HttpMethod.Get, id => $"/api/{a.Tenant}/data/{entity}/{id}/audit?$top={1 + random.Next(50)}", _ => null, bId);
                case 1: return WithTwin("B id sub-resource on A's route", HttpMethod.Get, id => $"/api/{a.Tenant}/data/opportunity/{id}/contacts", _ => null, BId("opportunity"));
                case 2: return WithTwin("B id sub-resource on A's route", HttpMethod.Post, id => $"/api/{a.Tenant}/data/opportunity/{id}/contacts", _ => Json(new { id = bContact }), BId("opportunity"));
                case 3: return WithTwin("B id sub-resource on A's route", HttpMethod.Delete, id => $"/api/{a.Tenant}/data/opportunity/{id}/contacts/{bContact}", _ => null, BId("opportunity"));
                case 4:
                    var input = Chance(50) ? Json(new { opportunityName = "A fuzz" }) : "{}";
                    return WithTwin("B id sub-resource on A's route", HttpMethod.Post, id => $"/api/{a.Tenant}/data/lead/{id}/actions/convert", _ => input, BId("lead"));
                case 5:
                    var assign = Json(new { owner = Pick(new[] { a.AdminId, b.AdminId }) });
                    return WithTwin("B id sub-resource on A's route", HttpMethod.Post, id => $"/api/{a.Tenant}/data/{entity}/{id}/assign", _ => assign, bId);
                case 6: return WithTwin("B id sub-resource on A's route", HttpMethod.Post, id => $"/api/{a.Tenant}/data/{entity}/{id}/share", _ => Json(new { user = a.AdminId, rights = new[] { "read", "update" } }), bId);
                case 7: return WithTwin("B id sub-resource on A's route", HttpMethod.Get, id => $"/api/{a.Tenant}/data/{entity}/{id}/shares", _ => null, bId);
                case 8: return WithTwin("B id sub-resource on A's route", HttpMethod.Delete, id => $"/api/{a.Tenant}/data/{entity}/{id}/share/user/{b.AdminId}", _ => null, bId);
                case 9: return WithTwin("B id sub-resource on A's route", HttpMethod.Get, id => $"/api/{a.Tenant}/privacy/contacts/{id}/export", _ => null, bContact);
                default:
                    var subject = Pick(new[] { "contact", "lead" });
                    return WithTwin("B id sub-resource on A's route", HttpMethod.Get, id => $"/api/{a.Tenant}/privacy/{subject}/{id}/export", _ => null, BId(subject));
            }
        }

        /// <summary>Every kind of route of B, with A's credentials.</summary>
        private Probe ForeignRoute()
        {
            var entity = Entity();
            var id = Chance(85) ? BId(entity) : RandomId();
            var t = b.Tenant;
            var (method, url, body) = random.Next(20) switch
            {
                0 => (HttpMethod.Get, $"/api/{t}/data/{entity}", null),
                1 => (HttpMethod.Get, $"/api/{t}/data/{entity}?$filter={Uri.EscapeDataString($"id eq {id}")}&$expand={Lookups[entity].FirstOrDefault() ?? "owner"}", null),
                2 => (HttpMethod.Get, $"/api/{t}/data/{entity}/{id}", null),
                3 => (HttpMethod.Patch, $"/api/{t}/data/{entity}/{id}", Write(entity)),
                4 => (HttpMethod.Delete, $"/api/{t}/data/{entity}/{id}", null),
                5 => (HttpMethod.Post, $"/api/{t}/data/{entity}", Write(entity)),
                6 => (HttpMethod.Post, $"/api/{t}/data/{entity}/bulk", Json(new { mode = "upsert", key = "id", records = new[] { new Dictionary<string, object> { ["id"] = id, [PrimaryField[entity]] = "A fuzz" } } })),
                7 => (HttpMethod.Get, $"/api/{t}/data/{entity}/export", null),
                8 => (HttpMethod.Get, $"/api/{t}/data/{entity}/{id}/audit", null),
                9 => (HttpMethod.Post, $"/api/{t}/data/lead/{BId("lead")}/actions/convert", "{}"),
                10 => (HttpMethod.Get, $"/api/{t}/data/opportunity/{BId("opportunity")}/contacts", null),
                11 => (HttpMethod.Get, $"/api/{t}/metadata/entities", null),
                12 => (HttpMethod.Get, $"/api/{t}/metadata/entities/{entity}/schema", null),
                13 => (HttpMethod.Get, $"/api/{t}/openapi.json", null),
                14 => (HttpMethod.Get, $"/api/{t}/privacy/contacts/{BId("contact")}/export", null),
                15 => (HttpMethod.Get, $"/api/{t}/admin/audit", null),
                16 => (HttpMethod.Get, $"/api/{t}/admin/users", null),
                17 => (HttpMethod.Get, $"/api/{t}/auth/me", null),
                18 => (HttpMethod.Get, $"/api/{t}/data/{entity}?$skiptoken={Uri.EscapeDataString(Pick(b.SkipTokens).Token)}", null),
                _ => (HttpMethod.Post, $"/api/{t}/auth/api-keys", Json(new { name = "stolen" })),
            };
            return new Probe("B's routes with A's credentials", method, url, body, Credential(), Forged(25), Rule.ForeignRoute);
        }

        /// <summary>The tenant segment mangled: case, percent-encoding, padding, dot segments, doubled slashes.</summary>
        private Probe ForgedRoute()
        {
            var t = b.Tenant;
            var entity = Entity();
            var rest = Chance(60) ? $"data/{entity}/{IdText(BId(entity))}" : Pick(new[] { $"data/{entity}", "metadata/entities", "openapi.json", $"data/{entity}/export" });
            var (kind, segment) = random.Next(12) switch
            {
                0 => ("upper case", t.ToUpperInvariant()),
                1 => ("percent-encoded", string.Concat(t.Select(c => $"%{(int)c:X2}"))),
                2 => ("dot segments", $"{a.Tenant}/../{t}"),
                3 => ("encoded dot segments", $"{a.Tenant}/%2e%2e/{t}"),
                4 => ("encoded slashes", $"{a.Tenant}%2F..%2F{t}"),
                5 => ("padded", $"{t}%20"),
                6 => ("trailing dot", $"{t}."),
                7 => ("dot segments", $"{a.Tenant}/./../{t}"),
                8 => ("path parameter", $"{t};{a.Tenant}"),
                9 => ("padded", $"{t}%09"),
                10 => ("dot segments", $"./{t}"),
                _ => ("doubled slash", $"/{t}"),
            };
            return new Probe($"forged tenant route ({kind})", HttpMethod.Get, $"/api/{segment}/{rest}", null, Credential(), Forged(20), Rule.ForgedRoute);
        }

        /// <summary>A's routes with headers naming B (tenant, host, forwarded, rewrite): A's own data or a not-found, never B's.</summary>
        private Probe ForgedHeadersOnARoute()
        {
            var headers = Forged(100);
            var entity = Entity();
            if (Chance(50))
            {
                var twin = WithTwin("forged headers on A's route", HttpMethod.Get, id => $"/api/{a.Tenant}/data/{entity}/{id}", _ => null, BId(entity), headers);
                return twin;
            }
            var url = random.Next(4) switch
            {
                0 => $"/api/{a.Tenant}/data/{entity}?$top=50",
                1 => $"/api/{a.Tenant}/metadata/entities/{entity}",
                2 => $"/api/{a.Tenant}/openapi.json",
                _ => $"/api/{a.Tenant}/data/{entity}/export",
            };
            return new Probe("forged headers on A's route", HttpMethod.Get, url, null, Credential(), headers, Rule.NoLeak);
        }

        /// <summary>$filter on B's ids, lookups, markers and unique values, with $expand, $select, $orderby and $count.</summary>
        private Probe FilterOnA()
        {
            var entity = Entity();
            var lookups = Lookups[entity];
            var primary = PrimaryField[entity];
            var ids = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => AnyBId()).ToList();
            var filters = new List<string>
            {
                $"id eq {ids[0]}",
                $"id in ({string.Join(",", ids)})",
                $"id eq {ids[0]} or id eq {ids[^1]}",
                $"not (id ne {ids[0]})",
                $"contains({primary},'B-SECRET')",
                $"startswith({primary},'B-SECRET')",
                $"contains({primary},'SECRET') or startswith({primary},'B-')",
                $"created_by eq {b.AdminId}",
                $"owner eq {b.AdminId} or owner in ({b.AdminId},{ids[0]})",
            };
            if (lookups.Length > 0)
            {
                var lookup = Pick(lookups);
                filters.Add($"{lookup} eq {BId(lookup)}");
                filters.Add($"{lookup} in ({string.Join(",", b.Ids[lookup].Take(1 + random.Next(6)))})");
            }
            if (entity == "opportunity")
            {
                filters.Add($"contact_email eq '{Pick(b.OpportunityEmails)}'");
                filters.Add($"tags/any(t: t eq 'key') and contains(notes,'SECRET')");
                filters.Add($"endswith(contact_email,'{Pick(b.OpportunityEmails)[^30..]}')");
            }
            if (entity == "contact") filters.Add($"email in ('{Pick(b.ContactEmails)}','{Pick(b.ContactEmails)}')");
            if (entity == "account") filters.Add("contains(city,'SECRET') or contains(description,'B-SECRET')");
            if (entity == "activity") filters.Add("contains(body,'B-SECRET') or contains(subject,'B-SECRET')");
            if (entity == "lead") filters.Add("contains(company,'SECRET')");

            var options = new List<string> { "$filter=" + Uri.EscapeDataString(Pick(filters)) };
            if (lookups.Length > 0 && Chance(50)) options.Add("$expand=" + Pick(lookups));
            if (Chance(30)) options.Add("$select=" + Uri.EscapeDataString($"id,{primary}{(lookups.Length > 0 ? "," + lookups[0] : "")}"));
            if (Chance(30)) options.Add("$orderby=" + Uri.EscapeDataString(Pick(new[] { $"{primary} desc", "created_at", "id desc" })));
            if (Chance(40)) options.Add("$count=" + Pick(new[] { "true", "exact" }));
            if (Chance(20)) options.Add("$top=" + random.Next(0, 1001));
            return new Probe("$filter / $expand on A aimed at B", HttpMethod.Get, $"/api/{a.Tenant}/data/{entity}?{string.Join("&", options)}", null, Credential(), Forged(10), Rule.Empty);
        }

        /// <summary>Continuation tokens copied from B's lists (with the same entity and order, so A's list accepts them), tampered with, or made up.</summary>
        private Probe SkipTokenOnA()
        {
            var (entity, orderBy, copied) = Pick(b.SkipTokens);
            var variant = random.Next(5);
            if (variant >= 2) (entity, orderBy) = (Entity(), Pick(new[] { "", "name", "full_name desc", "amount", "created_at" }));
            var token = variant switch
            {
                0 or 2 => copied,
                1 => copied[..^4] + Convert.ToBase64String(Encoding.UTF8.GetBytes("x"))[..4],
                3 => Convert.ToBase64String(Encoding.UTF8.GetBytes(Json(new { o = new[] { "id" }, v = new object[] { AnyBId() } }))),
                _ => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AnyBId()}|{b.Tenant}")),
            };
            var order = orderBy.Length > 0 ? "&$orderby=" + Uri.EscapeDataString(orderBy) : "";
            return new Probe(variant == 0 ? "$skiptoken copied from B" : "$skiptoken tampered or crafted", HttpMethod.Get,
                $"/api/{a.Tenant}/data/{entity}?$top={1 + random.Next(5)}{order}&$skiptoken={Uri.EscapeDataString(token)}", null, Credential(), Forged(10), Rule.NoLeak);
        }

        /// <summary>CSV exports of A filtered to B's ids and markers.</summary>
        private Probe ExportOnA()
        {
            var entity = Entity();
            var filter = random.Next(3) switch
            {
                0 => $"id eq {BId(entity)}",
                1 => $"id in ({string.Join(",", b.Ids[entity])})",
                _ => $"contains({PrimaryField[entity]},'SECRET')",
            };
            return new Probe("export of A aimed at B", HttpMethod.Get, $"/api/{a.Tenant}/data/{entity}/export?$filter={Uri.EscapeDataString(filter)}", null, Credential(), Forged(10), Rule.Empty);
        }

        /// <summary>
        /// Bulk upserts keyed by B's ids or B's unique values, and creates with B's unique values, each batch with a planted
        /// mistake so nothing is written: all errors are reported, so the only errors must be the planted ones.
        /// </summary>
        private Probe BulkWithBValues()
        {
            var serial = Interlocked.Increment(ref _serial);
            var records = new List<Dictionary<string, object?>>();
            string entity, mode;
            string? key;
            switch (random.Next(4))
            {
                case 0:
                    entity = Pick(new[] { "account", "lead" });
                    (mode, key) = ("upsert", Chance(50) ? "id" : null);
                    foreach (var id in b.Ids[entity].Take(1 + random.Next(6)))
                        records.Add(new() { ["id"] = id.ToString(), [PrimaryField[entity]] = $"A bulk {serial}" });
                    break;
                case 1:
                    (entity, mode, key) = ("contact", "upsert", "email");
                    foreach (var email in b.ContactEmails.Take(1 + random.Next(6)))
                        records.Add(new() { ["email"] = email, ["full_name"] = $"A bulk {serial}" });
                    break;
                case 2:
                    (entity, mode, key) = ("contact", "create", null);
                    foreach (var email in b.ContactEmails.Take(1 + random.Next(6)))
                        records.Add(new() { ["email"] = email, ["full_name"] = $"A bulk {serial}" });
                    break;
                default:
                    (entity, mode, key) = ("account", "upsert", "id");
                    foreach (var id in b.AllIds.Take(1 + random.Next(8)))
                        records.Add(new() { ["id"] = id.ToString(), ["name"] = $"A bulk {serial}", ["employees"] = 3 });
                    break;
            }
            var plantedAt = random.Next(records.Count + 1);
            var planted = new Dictionary<string, object?> { [PrimaryField[entity]] = "" };
            if (mode == "upsert" && key is null or "id") planted["id"] = Guid.NewGuid().ToString();
            if (key == "email") planted["email"] = $"planted{serial}@a.example";
            records.Insert(plantedAt, planted);
            var body = key is null ? Json(new { mode, records }) : Json(new { mode, key, records });
            // A salesperson sees e-mail masked, so it may not be their upsert key (/key): a refusal that depends on no record.
            string[] mistakes = key == "email" ? [$"/records/{plantedAt}", "/key"] : [$"/records/{plantedAt}"];
            return new Probe("bulk with B's ids and unique values", HttpMethod.Post, $"/api/{a.Tenant}/data/{entity}/bulk", body, Credential(), Forged(10),
                Rule.InvalidOnlyWherePlanted, Planted: mistakes);
        }

        /// <summary>Single creates and updates of A's records with B's unique values, plus a planted mistake: only the mistake may be reported.</summary>
        private Probe CreateWithBValues()
        {
            var serial = Interlocked.Increment(ref _serial);
            if (Chance(50))
            {
                var body = Json(new { full_name = $"A create {serial}", email = Pick(b.ContactEmails), birthday = "not-a-date" });
                return new Probe("create with B's unique values", HttpMethod.Post, $"/api/{a.Tenant}/data/contact", body, Credential(), Forged(10),
                    Rule.InvalidOnlyWherePlanted, Planted: ["/birthday"]);
            }
            var patch = Json(new { contact_email = Pick(b.OpportunityEmails), probability = 500 });
            return new Probe("create with B's unique values", HttpMethod.Patch, $"/api/{a.Tenant}/data/opportunity/{Pick(a.Ids["opportunity"])}", patch, Credential(),
                Forged(10), Rule.InvalidOnlyWherePlanted, Planted: ["/probability"]);
        }

        /// <summary>A's own records pointed at B's: lookups on create and update, many-to-many links to B's contacts.</summary>
        private Probe LookupsAndLinksToB()
        {
            var serial = Interlocked.Increment(ref _serial);
            switch (random.Next(4))
            {
                case 0:
                    return new Probe("lookups and links to B", HttpMethod.Patch, $"/api/{a.Tenant}/data/contact/{Pick(a.Ids["contact"])}",
                        Json(new { account = BId("account") }), Credential(), Forged(10), Rule.Refused);
                case 1:
                    return new Probe("lookups and links to B", HttpMethod.Post, $"/api/{a.Tenant}/data/opportunity",
                        Json(new { name = $"A deal {serial}", account = BId("account") }), Credential(), Forged(10), Rule.Refused);
                case 2:
                    return new Probe("lookups and links to B", HttpMethod.Post, $"/api/{a.Tenant}/data/activity",
                        Json(new { subject = $"A call {serial}", occurred_at = "2026-03-02T10:00:00Z", account = Pick(a.Ids["account"]), contact = BId("contact") }),
                        Credential(), Forged(10), Rule.Refused);
                default:
                    return new Probe("lookups and links to B", HttpMethod.Post, $"/api/{a.Tenant}/data/opportunity/{Pick(a.Ids["opportunity"])}/contacts",
                        Json(new { id = BId("contact") }), Credential(), Forged(10), Rule.Refused);
            }
        }

        /// <summary>A's own trail asked about B's records and B's administrator.</summary>
        private Probe AuditOfAAboutB()
        {
            var url = Chance(50)
                ? $"/api/{a.Tenant}/admin/audit?record={AnyBId()}"
                : $"/api/{a.Tenant}/admin/audit?user={b.AdminId}&entity={Entity()}";
            return new Probe("A's audit trail asked about B", HttpMethod.Get, url, null, Credential(), Forged(10), Rule.Empty);
        }

        /// <summary>Ids never handed out, or one hex digit away from B's, on A's routes.</summary>
        /// <summary>
        /// A create on A's route with an Idempotency-Key B used: a replay of B's stored answer would hand over B's record.
        /// The body misses the required name, so only that error may come back and nothing is written.
        /// </summary>
        private Probe IdempotencyKeyOfB()
        {
            var key = Pick(b.IdempotencyKeys);
            var body = Json(new { city = $"A city {Interlocked.Increment(ref _serial)}", tier = "vip" });
            return new Probe("Idempotency-Key of B on A's route", HttpMethod.Post, $"/api/{a.Tenant}/data/account", body, Credential(),
                [("Idempotency-Key", key), .. Forged(10)], Rule.InvalidOnlyWherePlanted, Planted: ["/name"]);
        }

        private Probe GuessedIdsOnA()
        {
            var entity = Entity();
            var id = Chance(50) ? RandomId() : NearBId();
            var method = Pick(new[] { HttpMethod.Get, HttpMethod.Delete, HttpMethod.Patch });
            return new Probe("guessed ids on A's route", method, $"/api/{a.Tenant}/data/{entity}/{IdText(id)}", method == HttpMethod.Patch ? Write(entity) : null,
                Credential(), Forged(10), Rule.Refused);
        }
    }

    // ---- after the run -----------------------------------------------------------------------------------------

    /// <summary>A's records still read back, as before, through each kind of credential.</summary>
    private async Task AssertServedAsync(Side a, IReadOnlyList<Credential> credentials)
    {
        using var client = Host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        foreach (var credential in credentials.Where(c => c.IsAdmin))
        {
            using var list = new HttpRequestMessage(HttpMethod.Get, $"/api/{a.Tenant}/data/account?$count=exact&$filter={Uri.EscapeDataString("startswith(name,'A-OWN')")}");
            credential.Apply(list);
            var page = await ExpectAsync(await client.SendAsync(list), HttpStatusCode.OK);
            Assert.Equal(a.Ids["account"].Count, page.GetProperty("@odata.count").GetInt64());
            Assert.All(page.Values(), r => Assert.Contains(a.Marker, r.Str("name"), StringComparison.Ordinal));
        }
        foreach (var entity in Entities)
        {
            foreach (var id in a.Ids[entity])
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/{a.Tenant}/data/{entity}/{id}");
                credentials[0].Apply(get);
                var record = await ExpectAsync(await client.SendAsync(get), HttpStatusCode.OK);
                Assert.Contains(a.Marker, record.GetRawText(), StringComparison.Ordinal);
            }
        }
        var linked = await ExpectAsync(await Host.Client.GetAsync($"/api/{a.Tenant}/data/opportunity/{a.Ids["opportunity"][0]}/contacts"), HttpStatusCode.OK);
        Assert.Equal(2, linked.Values().Count);
    }

    /// <summary>No record of A holds B's ids, unique values or marker (the refused writes wrote nothing).</summary>
    private async Task AssertHoldsNothingOfAsync(Side a, Side b)
    {
        foreach (var entity in Entities)
        {
            var text = (await ExpectAsync(await Host.Client.GetAsync($"/api/{a.Tenant}/data/{entity}?$top=1000"), HttpStatusCode.OK)).GetRawText();
            Assert.DoesNotContain(b.Marker, text, StringComparison.OrdinalIgnoreCase);
            foreach (var id in b.AllIds) Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
            foreach (var value in b.UniqueValues) Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private void Summarize(int seed, int sent, TimeSpan elapsed, ConcurrentDictionary<string, int> tally)
    {
        output.WriteLine($"{GetType().Name}: seed {seed}, {sent} requests ({PrimaryRequests} generated + twins with never-existing ids), " +
                         $"{elapsed.TotalSeconds:0.0} s at {Concurrency} concurrent ({sent / elapsed.TotalSeconds:0} requests/s)");
        foreach (var group in tally.GroupBy(t => t.Key[..t.Key.LastIndexOf(' ')]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statuses = string.Join(", ", group.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key[(t.Key.LastIndexOf(' ') + 1)..]}×{t.Value}"));
            output.WriteLine($"  {group.Key}: {group.Sum(t => t.Value)} ({statuses})");
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public sealed class SqliteCrossTenantIsolationTests(SqliteApiHost host, ITestOutputHelper output)
    : CrossTenantIsolationTests(host, output), IClassFixture<SqliteApiHost>;

/// <summary>The same fuzz on PostgreSQL (one schema per tenant in a fresh database).</summary>
public sealed class PostgresCrossTenantIsolationTests(PostgresApiHost host, ITestOutputHelper output)
    : CrossTenantIsolationTests(host, output), IClassFixture<PostgresApiHost>;
