using System.Text.Json;
using Bogus;
using Platform.Identity.Users;
using Platform.Records;
using Platform.Records.Writing;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Host.Startup;

/// <summary>
/// A few hundred believable sample records for the demo tenant, written through the record service (so they pass
/// the same validation as API writes). Deterministic: the same seed gives the same data. The records are owned by the
/// tenant's administrator in business unit root, so they are ordinary records of that unit (a sales-manager of root
/// sees them), not ownerless ones only tenant-scope roles could see. Dates are relative to the day of seeding, so the
/// demo looks alive whenever it is first started: open tasks are due in the coming weeks, activities lie in the past year.
/// </summary>
public sealed class DemoDataSeeder(RecordService records, TimeProvider clock)
{
    public async Task<int> SeedIfEmptyAsync(TenantRuntime runtime, CancellationToken ct)
    {
        if (runtime.FindEntity("account") is null) return 0;
        var existing = await records.QueryAsync(runtime, new RecordQuery("account") { Top = 1 }, RecordActor.System, ct);
        if (existing.Rows.Count > 0) return 0;

        var owner = await OwnerAsync(runtime, ct);
        var faker = new Faker("en") { Random = new Randomizer(20261123) };
        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var total = 0;
        var tiers = new[] { "vip", "regular", "regular", "potential", "potential" };
        var industries = new[] { "retail", "manufacturing", "technology", "finance", "healthcare", "other" };
        var accounts = await CreateAsync(runtime, owner, "account", Enumerable.Range(0, 60).Select(_ => new Dictionary<string, object?>
        {
            ["name"] = faker.Company.CompanyName(),
            ["tier"] = faker.PickRandom(tiers),
            ["industry"] = faker.PickRandom(industries),
            ["website"] = "https://" + faker.Internet.DomainName(),
            ["phone"] = faker.Phone.PhoneNumber("+1 ###-###-####"),
            ["annual_revenue"] = Math.Round(faker.Random.Decimal(50_000, 50_000_000), 2),
            ["employees"] = faker.Random.Int(3, 5000),
            ["city"] = faker.Address.City(),
            ["country"] = faker.Address.Country(),
        }), ct);
        total += accounts.Count;

        var contacts = await CreateAsync(runtime, owner, "contact", Enumerable.Range(0, 150).Select(i => new Dictionary<string, object?>
        {
            ["full_name"] = faker.Name.FullName(),
            ["account"] = Pick(faker, accounts),
            ["job_title"] = faker.Name.JobTitle(),
            ["email"] = $"contact{i}@" + faker.Internet.DomainName(),
            ["phone"] = faker.Phone.PhoneNumber("+1 ###-###-####"),
            ["birthday"] = DateOnly.FromDateTime(faker.Date.Past(50, new DateTime(2004, 1, 1))).ToString("yyyy-MM-dd"),
            ["do_not_email"] = faker.Random.Bool(0.1f),
        }), ct);
        total += contacts.Count;

        var kinds = new[] { "call", "email", "meeting", "note" };
        total += (await CreateAsync(runtime, owner, "activity", Enumerable.Range(0, 200).Select(_ => new Dictionary<string, object?>
        {
            ["subject"] = faker.Hacker.Phrase().TrimEnd('!', '.'),
            ["kind"] = faker.PickRandom(kinds),
            ["account"] = Pick(faker, accounts),
            ["contact"] = Pick(faker, contacts),
            ["occurred_at"] = faker.Date.Past(1, now).ToUniversalTime().ToString("O"),
            ["duration_minutes"] = faker.Random.Int(5, 120),
            ["body"] = faker.Lorem.Sentence(12),
        }), ct)).Count;

        if (runtime.FindEntity("lead") is not null)
        {
            var sources = new[] { "web", "referral", "event", "cold_call", "other" };
            var statuses = new[] { "new", "contacted", "qualified", "disqualified" };
            total += (await CreateAsync(runtime, owner, "lead", Enumerable.Range(0, 80).Select(i => new Dictionary<string, object?>
            {
                ["full_name"] = faker.Name.FullName(),
                ["company"] = faker.Company.CompanyName(),
                ["email"] = $"lead{i}@" + faker.Internet.DomainName(),
                ["source"] = faker.PickRandom(sources),
                ["status"] = faker.PickRandom(statuses),
                ["estimated_value"] = Math.Round(faker.Random.Decimal(1_000, 250_000), 2),
            }), ct)).Count;
        }
        if (runtime.FindEntity("opportunity") is not null)
        {
            var stages = new[] { "prospecting", "qualification", "proposal", "won", "lost" };
            total += (await CreateAsync(runtime, owner, "opportunity", Enumerable.Range(0, 70).Select(_ =>
            {
                var stage = faker.PickRandom(stages);
                return new Dictionary<string, object?>
                {
                    ["name"] = faker.Commerce.ProductName() + " deal",
                    ["account"] = Pick(faker, accounts),
                    ["stage"] = stage,
                    ["amount"] = Math.Round(faker.Random.Decimal(2_000, 400_000), 2),
                    ["probability"] = stage switch { "won" => 100, "lost" => 0, _ => faker.Random.Int(10, 90) },
                    ["close_date"] = DateOnly.FromDateTime(faker.Date.Between(today.AddMonths(-11), today.AddMonths(7))).ToString("yyyy-MM-dd"),
                    ["tags"] = faker.Random.Bool(0.3f) ? new[] { "key" } : Array.Empty<string>(),
                };
            }), ct)).Count;
        }
        if (runtime.FindEntity("task") is not null)
        {
            // Last, so the records above keep the sample data they always had (one seeded random sequence).
            var priorities = new[] { "low", "normal", "normal", "high" };
            total += (await CreateAsync(runtime, owner, "task", Enumerable.Range(0, 25).Select(i => new Dictionary<string, object?>
            {
                ["subject"] = faker.PickRandom("Call", "Email", "Send a quote to", "Meet") + " " + faker.Name.FullName(),
                ["due_at"] = TaskDue(faker, now, done: i % 4 == 0).ToString("O"),
                ["status"] = i % 4 == 0 ? "done" : "open",
                ["priority"] = faker.PickRandom(priorities),
                ["account"] = Pick(faker, accounts),
                ["contact"] = Pick(faker, contacts),
            }), ct)).Count;
        }
        return total;
    }

    /// <summary>
    /// A done task was due in the past three weeks; an open one is due from an hour from now to three weeks ahead, a
    /// few of them today, so the inbox has work due soon and nothing overdue on the first day.
    /// </summary>
    internal static DateTime TaskDue(Faker faker, DateTime now, bool done) => done
        ? now.AddHours(-faker.Random.Int(2, 21 * 24))
        : now.AddHours(faker.Random.Bool(0.25f) ? faker.Random.Int(1, 8) : faker.Random.Int(24, 21 * 24));

    // Bogus' PickRandom binds an IReadOnlyList to its params overload and returns the list itself.
    private static string Pick(Faker faker, IReadOnlyList<Guid> ids) => ids[faker.Random.Int(0, ids.Count - 1)].ToString();

    /// <summary>
    /// The platform writing on the administrator's behalf: permission checks do not apply (as for any seeding), but the
    /// records get the administrator as owner and creator, and business unit root (stamped when an older administrator has none).
    /// </summary>
    private static async Task<RecordActor> OwnerAsync(TenantRuntime runtime, CancellationToken ct)
    {
        var admin = await UserStore.FindByNameAsync(runtime.Tenant.Database, FirstAdministrator.UserName, ct)
            ?? throw new InvalidOperationException($"Tenant '{runtime.Id}' has no user '{FirstAdministrator.UserName}' to own the sample records.");
        return RecordActor.System with
        {
            UserId = admin.Id, Name = admin.UserName,
            BusinessUnit = admin.BusinessUnit ?? FirstAdministrator.BusinessUnitIn(runtime.Definitions),
        };
    }

    private async Task<IReadOnlyList<Guid>> CreateAsync(TenantRuntime runtime, RecordActor owner, string entity, IEnumerable<Dictionary<string, object?>> rows,
        CancellationToken ct)
    {
        var elements = rows.Select(r => JsonSerializer.SerializeToElement(r)).ToList();
        var result = await records.BulkAsync(runtime, entity, new BulkRequest(BulkMode.Create, null, elements), owner, ct);
        return result.Ids;
    }
}
