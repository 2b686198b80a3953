namespace Platform.Scripting.Tests;

/// <summary>crm.link and crm.unlink as a script sees them: arguments handed to the crm, a boolean back, counted as writes.</summary>
public sealed class CrmLinkGlobalTests
{
    private static readonly Guid Deal = Guid.Parse("0190a000-0000-7000-8000-0000000000d1");
    private static readonly Guid Contact = Guid.Parse("0190a000-0000-7000-8000-0000000000c1");

    /// <summary>Keeps the links it is given; a link already there answers false, as the record service does.</summary>
    private sealed class LinkingCrm : IScriptCrm
    {
        public HashSet<(string, Guid, string, Guid)> Links { get; } = [];

        public Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);

        public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, object?>>>([]);

        public Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
            Task.FromResult(values);

        public Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct) =>
            Task.FromResult(values);

        public Task DeleteAsync(string entity, Guid id, CancellationToken ct) => Task.CompletedTask;

        public Task<bool> LinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
            Task.FromResult(Links.Add((entity, id, relation, targetId)));

        public Task<bool> UnlinkAsync(string entity, Guid id, string relation, Guid targetId, CancellationToken ct) =>
            Task.FromResult(Links.Remove((entity, id, relation, targetId)));
    }

    [Fact]
    public async Task Link_and_unlink_hand_their_arguments_to_the_crm_answer_whether_anything_changed_and_count_as_writes()
    {
        var crm = new LinkingCrm();
        var code = $"const a = crm.link('opportunity', '{Deal}', 'contacts', '{Contact}');\n" +
                   $"const b = crm.link('opportunity', '{Deal}', 'contacts', '{Contact}');\n" +
                   $"const c = crm.unlink('opportunity', '{Deal}', 'contacts', '{Contact}');\n" +
                   $"const d = crm.unlink('opportunity', '{Deal}', 'contacts', '{Contact}');\n" +
                   "[a, b, c, d].join(',')";

        var (result, _) = await ScriptRunner.RunAsync(code, crm: crm);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("true,false,true,false", result.Value);
        Assert.Equal(4, result.Report.Usage.CrmWrites);
        Assert.Empty(crm.Links);
    }

    [Fact]
    public async Task Links_are_held_to_the_write_limit()
    {
        var (result, _) = await ScriptRunner.RunAsync(
            $"for (let i = 0; i < 5; i++) crm.link('opportunity', '{Deal}', 'contacts', '{Contact}');", ScriptLimits.Hook with { MaxCrmWrites = 3 }, crm: new LinkingCrm());

        Assert.Equal("maxCrmWrites", result.Error!.Limit);
    }

    [Fact]
    public async Task A_target_that_is_not_an_id_stops_the_script_at_its_line()
    {
        var (result, _) = await ScriptRunner.RunAsync($"const x = 1;\ncrm.link('opportunity', '{Deal}', 'contacts', 'nobody');", crm: new LinkingCrm());

        Assert.Equal("'nobody' is not a record id", result.Error!.Message);
        Assert.Equal(2, result.Error.Line);
    }

    [Fact]
    public async Task A_crm_without_relations_refuses_link_by_name()
    {
        var (result, _) = await ScriptRunner.RunAsync($"crm.link('opportunity', '{Deal}', 'contacts', '{Contact}');", crm: new EchoCrm());

        Assert.Equal("crm.link is not available to this script", result.Error!.Message);
        Assert.Equal(1, result.Error.Line);
    }
}
