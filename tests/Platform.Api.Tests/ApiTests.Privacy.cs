using System.Net;
using Platform.Api.Tests.Support;
using System.Text.Json;
using static Platform.Api.Tests.Support.HttpJson;

namespace Platform.Api.Tests;

/// <summary>Data-subject requests: export everything about a contact, erase (anonymise) it and scrub the audit trail.</summary>
public abstract partial class ApiTests
{
    private static string Privacy(string tenant, string path) => $"/api/{tenant}/privacy/{path}";

    [Fact]
    public async Task A_contact_export_holds_the_contact_and_every_record_referring_to_it()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var account = await CreateAccountAsync(tenant);
        var contact = (await CreateAsync(tenant, "contact", new { full_name = "Ann Lee", email = "ann@example.com", account })).Id();
        var other = (await CreateAsync(tenant, "contact", new { full_name = "Bo Chen" })).Id();
        var call = (await CreateAsync(tenant, "activity", new { subject = "Call", contact, occurred_at = "2026-03-01T10:00:00Z" })).Id();
        await CreateAsync(tenant, "activity", new { subject = "Not hers", contact = other, occurred_at = "2026-03-01T10:00:00Z" });
        var deal = (await CreateAsync(tenant, "opportunity", new { name = "Deal", account })).Id();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(Data(tenant, "opportunity", deal) + "/contacts", Body(new { id = contact }))).StatusCode);
        var note = (await CreateAsync(tenant, "patient_note", new { title = "Visit", contact, diagnosis = "Hypertension" })).Id();

        var export = await ExpectAsync(await Client.GetAsync(Privacy(tenant, $"contacts/{contact}/export")), HttpStatusCode.OK);

        Assert.Equal("contact", export.GetProperty("subject").Str("entity"));
        Assert.Equal("Contact", export.GetProperty("subject").GetProperty("label").Str("en"));
        Assert.Equal("ann@example.com", export.GetProperty("subject").GetProperty("record").Str("email"));
        var related = export.GetProperty("related").EnumerateArray().ToDictionary(g => (g.Str("entity"), g.Str("via")));
        Assert.Equal([("activity", "contact"), ("opportunity", "opportunity.contacts"), ("patient_note", "contact")], related.Keys.Order());
        Assert.Equal([call], related[("activity", "contact")].GetProperty("records").EnumerateArray().Select(r => r.Id()));
        Assert.Equal([deal], related[("opportunity", "opportunity.contacts")].GetProperty("records").EnumerateArray().Select(r => r.Id()));
        var exportedNote = Assert.Single(related[("patient_note", "contact")].GetProperty("records").EnumerateArray());
        Assert.Equal(note, exportedNote.Id());
        Assert.Equal("Hypertension", exportedNote.Str("diagnosis"));

        // The generic route serves every data-subject entity; others are not data subjects.
        await ExpectAsync(await Client.GetAsync(Privacy(tenant, $"contact/{contact}/export")), HttpStatusCode.OK);
        await ExpectProblemAsync(await Client.GetAsync(Privacy(tenant, $"account/{account}/export")), HttpStatusCode.NotFound);
        await ExpectProblemAsync(await Client.GetAsync(Privacy(tenant, $"contacts/{Guid.NewGuid()}/export")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Erasing_a_contact_anonymises_it_and_referring_records_audits_it_and_scrubs_earlier_entries()
    {
        var tenant = await Host.CreateTenantAsync(HealthModule);
        var contact = (await CreateAsync(tenant, "contact", new { full_name = "Ann Lee", email = "ann@example.com", phone = "+49 30 1234", birthday = "1990-02-28", job_title = "CFO" })).Id();
        await ExpectAsync(await PatchAsync(tenant, "contact", contact, new { full_name = "Ann Lee-Smith", email = "ann.smith@example.com" }), HttpStatusCode.OK);
        var call = (await CreateAsync(tenant, "activity", new { subject = "Call", contact, occurred_at = "2026-03-01T10:00:00Z", body = "Ann said she moves to Rome" })).Id();
        var note = (await CreateAsync(tenant, "patient_note", new { title = "Visit", contact, diagnosis = "Hypertension" })).Id();
        var lead = (await CreateAsync(tenant, "lead", new { full_name = "Unrelated Lead", email = "lead@example.com" })).Id();

        var result = await ExpectAsync(await Client.PostAsync(Privacy(tenant, $"contacts/{contact}/erase"), null), HttpStatusCode.OK);
        Assert.Equal(3, result.GetProperty("erased").GetArrayLength());

        var erased = await GetAsync(tenant, "contact", contact);
        Assert.Equal("erased", erased.Str("full_name"));
        Assert.Equal($"erased+{contact:N}@invalid", erased.Str("email"));
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("birthday").ValueKind);
        Assert.Equal("CFO", erased.Str("job_title")); // not personal
        var activity = await GetAsync(tenant, "activity", call);
        Assert.Equal(JsonValueKind.Null, activity.GetProperty("body").ValueKind);
        Assert.Equal("Call", activity.Str("subject"));
        Assert.Equal(JsonValueKind.Null, (await GetAsync(tenant, "patient_note", note)).GetProperty("diagnosis").ValueKind);
        Assert.Equal("Unrelated Lead", (await GetAsync(tenant, "lead", lead)).Str("full_name"));

        var erasures = await AuditEntriesAsync(AdminAudit(tenant, ("action", "erase")));
        Assert.Equal(3, erasures.Count);
        var contactErasure = Assert.Single(erasures, e => e.Str("entity") == "contact");
        Assert.Equal(["birthday", "email", "full_name", "phone"], contactErasure.GetProperty("details").GetProperty("fields").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Equal(JsonValueKind.Null, contactErasure.GetProperty("changes").ValueKind);

        // No earlier entry keeps a personal value; other records' entries are untouched.
        var trail = (await ExpectAsync(await Client.GetAsync(AdminAudit(tenant, ("$top", "500"))), HttpStatusCode.OK)).GetRawText();
        foreach (var value in new[] { "Ann Lee", "ann@example.com", "ann.smith@example.com", "+49 30 1234", "1990-02-28", "moves to Rome", "Hypertension" })
            Assert.DoesNotContain(value, trail);
        Assert.Contains("[erased]", trail);
        Assert.Contains("CFO", trail);
        Assert.Contains("lead@example.com", trail);
    }

    [Fact]
    public async Task Erasing_a_contact_scrubs_entries_written_before_the_referring_entity_and_its_personal_field_were_renamed()
    {
        using var temp = new TempFolder();
        var module = temp.Copy(HealthModule, "health");
        var document = Path.Combine(module, "entities", "patient_note.json");
        File.WriteAllText(document, File.ReadAllText(document).Replace(
            "{ \"name\": \"title\", \"type\": \"text\", \"required\": true },",
            "{ \"name\": \"title\", \"type\": \"text\", \"required\": true }, { \"name\": \"allergy\", \"type\": \"text\", \"personal\": true },", StringComparison.Ordinal));
        var tenant = await Host.CreateTenantAsync(module);
        var contact = (await CreateAsync(tenant, "contact", new { full_name = "Ann Lee" })).Id();
        var note = (await CreateAsync(tenant, "patient_note", new { title = "Visit", contact, allergy = "Peanuts" })).Id();
        await ExpectAsync(await PatchAsync(tenant, "patient_note", note, new { allergy = "Peanuts and shellfish" }), HttpStatusCode.OK);

        File.WriteAllText(Path.Combine(module, "entities", "clinical_note.json"), File.ReadAllText(document)
            .Replace("\"name\": \"patient_note\",", "\"name\": \"clinical_note\", \"renamedFrom\": \"patient_note\",", StringComparison.Ordinal)
            .Replace("{ \"name\": \"allergy\",", "{ \"name\": \"allergies\", \"renamedFrom\": \"allergy\",", StringComparison.Ordinal));
        File.Delete(document);
        await Host.ApplyAsync(tenant, [.. ApiHost.ShippedModules, module]);

        var result = await ExpectAsync(await Client.PostAsync(Privacy(tenant, $"contacts/{contact}/erase"), null), HttpStatusCode.OK);

        Assert.Contains(result.GetProperty("erased").EnumerateArray(), e => e.Str("entity") == "clinical_note");
        Assert.Equal(JsonValueKind.Null, (await GetAsync(tenant, "clinical_note", note)).GetProperty("allergies").ValueKind);
        var trail = (await ExpectAsync(await Client.GetAsync(AdminAudit(tenant, ("$top", "500"))), HttpStatusCode.OK)).GetRawText();
        Assert.DoesNotContain("Peanuts", trail);
        Assert.DoesNotContain("Ann Lee", trail);
        Assert.Contains("[erased]", trail);
    }
}
