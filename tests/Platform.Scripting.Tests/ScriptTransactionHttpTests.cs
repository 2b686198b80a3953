using System.Net;
using Platform.TestSupport;

namespace Platform.Scripting.Tests;

/// <summary>
/// A script and everything it does is one transaction: hooks' crm writes commit with the save or not at all, an action
/// is all or nothing, and a hook that triggers itself stops at the write depth limit. On SQLite and PostgreSQL (see the
/// derived classes).
/// </summary>
public abstract class ScriptTransactionHttpTests(TestProvider provider) : ScriptTenantHost(provider)
{
    protected override IReadOnlyDictionary<string, string> ModuleFiles { get; } = new Dictionary<string, string>
    {
        ["module.json"] = """{ "id": "hooks", "version": "1.0.0", "dependsOn": { "crm-core": "^1.0.0" } }""",
        ["entities/ledger.json"] = """
            { "name": "ledger",
              "hooks": { "beforeSave": "scripts/ledger-before.js", "afterSave": "scripts/ledger-after.js",
                         "beforeDelete": "scripts/ledger-before-delete.js", "afterDelete": "scripts/ledger-after-delete.js" },
              "fields": [ { "name": "name", "type": "text", "required": true }, { "name": "amount", "type": "integer" },
                          { "name": "locked", "type": "boolean" } ] }
            """,
        ["entities/entry.json"] = """{ "name": "entry", "fields": [ { "name": "note", "type": "text", "maxLength": 400 } ] }""",
        ["entities/echo.json"] = """
            { "name": "echo", "hooks": { "afterSave": "scripts/echo-after.js" }, "fields": [ { "name": "n", "type": "integer" } ] }
            """,
        ["scripts/ledger-before.js"] = """
            crm.create('entry', { note: 'before ' + record.name });
            if (record.name === 'refuse') errors.add('name', 'refused by beforeSave');
            """,
        ["scripts/ledger-after.js"] = """
            if (record.previous === null) {
              const entry = crm.create('entry', { note: 'created ' + record.name });
              // Reads inside the unit of work see its uncommitted writes (they use its session).
              if (crm.get('entry', entry.id) === null || crm.get('ledger', record.id) === null) throw new Error('own writes not visible');
            } else if (record.changed('amount')) {
              crm.create('entry', { note: 'amount ' + record.previous.amount + ' -> ' + record.amount });
            }
            if (record.name === 'explode') throw new Error('afterSave failed on purpose');
            if (record.name === 'reject') errors.add('name', 'rejected by afterSave');
            """,
        ["scripts/ledger-before-delete.js"] = """
            if (record.locked) errors.add('locked', 'a locked ledger cannot be deleted');
            if (record.name === 'throw-on-delete') throw new Error('beforeDelete failed on purpose');
            crm.create('entry', { note: 'deleting ' + record.name });
            """,
        ["scripts/ledger-after-delete.js"] = """
            crm.create('entry', { note: 'deleted ' + record.name + ' gone=' + (crm.get('ledger', record.id) === null) });
            if (record.name === 'explode-on-delete') throw new Error('afterDelete failed on purpose');
            """,
        ["scripts/echo-after.js"] = "crm.update('echo', record.id, { n: (record.n || 0) + 1 });\n",
    };

    private async Task<List<string>> NotesAsync(string prefix) =>
        (await ListAsync("entry", $"startswith(note, '{prefix}')")).Select(e => e.GetProperty("note").GetString()!).ToList();

    [Fact]
    public async Task Hook_writes_commit_with_the_save()
    {
        var created = await DataAsync(HttpMethod.Post, "ledger", new { name = "north", amount = 5 }, HttpStatusCode.Created);
        Assert.Equal(["before north"], await NotesAsync("before north"));
        Assert.Equal(["created north"], await NotesAsync("created north"));

        var id = created.GetProperty("id").GetString();
        await DataAsync(HttpMethod.Patch, $"ledger/{id}", new { amount = 7 }, HttpStatusCode.OK);
        Assert.Equal(["amount 5 -> 7"], await NotesAsync("amount 5"));
        // record.changed is false for a field the update did not change: no second entry.
        await DataAsync(HttpMethod.Patch, $"ledger/{id}", new { locked = false }, HttpStatusCode.OK);
        Assert.Single(await NotesAsync("amount"));
    }

    [Fact]
    public async Task Concurrent_saves_with_hook_writes_neither_deadlock_nor_mix()
    {
        // Each save's hook writes join that save's transaction: no second write connection waits on the first (SQLite busy).
        var saves = Enumerable.Range(0, 12).Select(i => DataAsync(HttpMethod.Post, "ledger", new { name = $"parallel{i}" }, HttpStatusCode.Created));
        await Task.WhenAll(saves);
        Assert.Equal(12, (await NotesAsync("created parallel")).Count);
        Assert.Equal(12, (await NotesAsync("before parallel")).Count);
    }

    [Theory]
    [InlineData("refuse", "refused by beforeSave")]
    [InlineData("explode", "afterSave failed on purpose")]
    [InlineData("reject", "rejected by afterSave")]
    public async Task A_failing_hook_leaves_nothing_written(string name, string message)
    {
        var problem = await DataAsync(HttpMethod.Post, "ledger", new { name }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(message, problem.GetRawText());
        Assert.Empty(await ListAsync("ledger", $"name eq '{name}'"));
        Assert.Empty(await NotesAsync("before " + name));
        Assert.Empty(await NotesAsync("created " + name));
    }

    [Fact]
    public async Task A_failing_afterSave_on_update_keeps_the_previous_values()
    {
        var created = await DataAsync(HttpMethod.Post, "ledger", new { name = "calm", amount = 1 }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        await DataAsync(HttpMethod.Patch, $"ledger/{id}", new { name = "explode", amount = 2 }, HttpStatusCode.UnprocessableEntity);
        var stored = await DataAsync(HttpMethod.Get, $"ledger/{id}", null, HttpStatusCode.OK);
        Assert.Equal("calm", stored.GetProperty("name").GetString());
        Assert.Empty(await NotesAsync("amount 1 -> 2"));
    }

    [Fact]
    public async Task BeforeDelete_refuses_with_errors_or_a_throw_and_the_record_stays()
    {
        var locked = await DataAsync(HttpMethod.Post, "ledger", new { name = "vault", locked = true }, HttpStatusCode.Created);
        var problem = await DataAsync(HttpMethod.Delete, $"ledger/{locked.GetProperty("id").GetString()}", null, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("a locked ledger cannot be deleted", problem.GetRawText());
        Assert.Contains("/locked", problem.GetRawText());

        var thrower = await DataAsync(HttpMethod.Post, "ledger", new { name = "throw-on-delete" }, HttpStatusCode.Created);
        var thrown = await DataAsync(HttpMethod.Delete, $"ledger/{thrower.GetProperty("id").GetString()}", null, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("scripts/ledger-before-delete.js", thrown.GetProperty("script").GetString());

        Assert.Equal(2, (await ListAsync("ledger", "name eq 'vault' or name eq 'throw-on-delete'")).Count);
        Assert.Empty(await NotesAsync("deleting"));
    }

    [Fact]
    public async Task AfterDelete_runs_in_the_delete_transaction()
    {
        var gone = await DataAsync(HttpMethod.Post, "ledger", new { name = "south" }, HttpStatusCode.Created);
        await DataAsync(HttpMethod.Delete, $"ledger/{gone.GetProperty("id").GetString()}", null, HttpStatusCode.NoContent);
        Assert.Equal(["deleting south"], await NotesAsync("deleting south"));
        // afterDelete runs after the row is deleted, in the same transaction: crm.get no longer finds it.
        Assert.Equal(["deleted south gone=true"], await NotesAsync("deleted south"));

        var kept = await DataAsync(HttpMethod.Post, "ledger", new { name = "explode-on-delete" }, HttpStatusCode.Created);
        var id = kept.GetProperty("id").GetString();
        await DataAsync(HttpMethod.Delete, $"ledger/{id}", null, HttpStatusCode.UnprocessableEntity);
        await DataAsync(HttpMethod.Get, $"ledger/{id}", null, HttpStatusCode.OK);
        Assert.Empty(await NotesAsync("deleting explode-on-delete"));
    }

    [Fact]
    public async Task A_hook_that_triggers_itself_stops_at_the_write_depth_limit()
    {
        var problem = await DataAsync(HttpMethod.Post, "echo", new { n = 0 }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("maxWriteDepth", problem.GetProperty("limit").GetString());
        Assert.Equal("scripts/echo-after.js", problem.GetProperty("script").GetString());
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
        Assert.Empty(await ListAsync("echo"));
    }

    [Fact]
    public async Task Convert_lead_failing_in_the_middle_leaves_nothing()
    {
        // The opportunity's name is the company plus " deal": 205 characters, over its maxLength of 200, so the third
        // crm.create fails after the account and the contact were created.
        var company = new string('c', 200);
        var lead = await DataAsync(HttpMethod.Post, "lead", new { full_name = "Half Way", company }, HttpStatusCode.Created);
        var id = lead.GetProperty("id").GetString();

        var problem = await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("scripts/convert-lead.js", problem.GetProperty("script").GetString());
        Assert.Empty(await ListAsync("account", $"name eq '{company}'"));
        Assert.Empty(await ListAsync("contact", "full_name eq 'Half Way'"));
        Assert.Equal("new", (await DataAsync(HttpMethod.Get, $"lead/{id}", null, HttpStatusCode.OK)).GetProperty("status").GetString());

        // The same lead converts once the input names the opportunity: all its writes (three creates, the link, the update) are kept.
        await DataAsync(HttpMethod.Post, $"lead/{id}/actions/convert", new { opportunityName = "Half Way deal" }, HttpStatusCode.OK);
        Assert.Single(await ListAsync("account", $"name eq '{company}'"));
        Assert.Single(await ListAsync("contact", "full_name eq 'Half Way'"));
        Assert.Equal("converted", (await DataAsync(HttpMethod.Get, $"lead/{id}", null, HttpStatusCode.OK)).GetProperty("status").GetString());
    }
}

public sealed class SqliteScriptTransactionHttpTests() : ScriptTransactionHttpTests(TestProvider.Sqlite);

/// <summary>The same tests on PostgreSQL (server from PLATFORM_TEST_POSTGRES; a fresh database per test).</summary>
public sealed class PostgresScriptTransactionHttpTests() : ScriptTransactionHttpTests(TestProvider.Postgres);
