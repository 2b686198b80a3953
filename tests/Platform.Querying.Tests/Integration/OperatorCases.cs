namespace Platform.Querying.Tests.Integration;

/// <summary>Filters over <see cref="SeedData"/> with the opportunity names each must return.</summary>
public static class OperatorCases
{
    private static readonly string[] All = [.. SeedData.OpportunityNames];

    public static TheoryData<string, string[]> Filters => new()
    {
        { "score eq 5", ["50% off", "50 percent off"] },
        { "score ne 5", Except("50% off", "50 percent off") },
        { "score gt 9", ["Alpha deal", "MiXeD Case"] },
        { "score ge 9", ["Alpha deal", "MiXeD Case", "back\\slash", "backslash"] },
        { "score lt 5", ["Beta deal"] },
        { "score le 5", ["Beta deal", "50% off", "50 percent off"] },
        { "9 le score", ["Alpha deal", "MiXeD Case", "back\\slash", "backslash"] },
        { "amount gt 1000", ["Alpha deal"] },
        { "amount le 50", ["50% off", "50 percent off"] },
        { "amount eq 200.5", ["Beta deal"] },
        { "amount ne 50", ["Alpha deal", "Beta deal", "Gamma", "a_b", "axb", "O'Brien", "back\\slash", "backslash", "MiXeD Case"] },
        { "probability ge 0.5", ["Alpha deal"] },
        { "is_won eq true", ["Alpha deal"] },
        { "is_won eq false", ["Beta deal"] },
        { "is_won", ["Alpha deal"] },
        { "not is_won", ["Beta deal"] },
        { "close_date ge 2024-02-01", ["Beta deal"] },
        { "close_date lt 2024-02-01", ["Alpha deal"] },
        { "close_date eq 2024-01-15", ["Alpha deal"] },
        { "closed_at gt 2024-01-15T10:00:00Z", ["Beta deal"] },
        { "closed_at ge 2024-01-15T12:00:00+02:00", ["Alpha deal", "Beta deal"] },
        { "closed_at eq 2024-01-15T10:00:00Z", ["Alpha deal"] },
        { "closed_at lt 2024-01-15T10:00:00.000001Z", ["Alpha deal"] },
        { "closed_at gt 2024-01-15T09:59:59.999999Z and closed_at lt 2024-01-15T10:00:00.000001Z", ["Alpha deal"] },
        { "stage eq 'won'", ["Alpha deal"] },
        { "stage in ('won','lost')", ["Alpha deal", "Beta deal"] },
        { "score in (7, 8)", ["a_b", "axb", "O'Brien"] },
        { $"account eq {SeedData.Acme}", ["Alpha deal", "50% off"] },
        { $"account in ({SeedData.Acme}, {SeedData.Globex})", ["Alpha deal", "Beta deal", "50% off"] },
        { $"account ne {SeedData.Acme}", Except("Alpha deal", "50% off") },
        { "account eq null", Except("Alpha deal", "Beta deal", "50% off") },
        { "account ne null", ["Alpha deal", "Beta deal", "50% off"] },
        { "description eq null", Except("Alpha deal", "Gamma") },
        { "description ne null", ["Alpha deal", "Gamma"] },
        { "created_by eq null and owner eq null", All },
        { "row_version eq 1", All },
        { "created_at gt 2000-01-01T00:00:00Z", All },
        { "contains(name,'deal')", ["Alpha deal", "Beta deal"] },
        { "contains(name,'DEAL')", ["Alpha deal", "Beta deal"] },
        { "contains(name,'mixed')", ["MiXeD Case"] },
        { "startswith(name,'a')", ["Alpha deal", "a_b", "axb"] },
        { "endswith(name,'off')", ["50% off", "50 percent off"] },
        { "contains(description,'desc')", ["Gamma"] },
        { "tags/any(t: t eq 'hot')", ["Alpha deal"] },
        { "tags/any(t: t in ('cold','vip'))", ["Alpha deal", "Beta deal"] },
        { "tags/any(t: t eq 'vip' or t eq 'cold')", ["Alpha deal", "Beta deal"] },
        // any() over a missing list is false, so its negation is true (as OData has it).
        { "not tags/any(t: t eq 'hot')", Except("Alpha deal") },
        { "score eq 3 or score eq 10", ["Alpha deal", "Beta deal"] },
        { "(score eq 3 or score eq 10) and is_won eq true", ["Alpha deal"] },
        { "score eq 3 or score eq 10 and is_won eq true", ["Alpha deal", "Beta deal"] },
        // A comparison with a null column is false, so its negation keeps the row (Gamma has no score).
        { "not (score eq 7)", Except("a_b", "axb") },
        { "not (score ge 5 and score le 9)", ["Alpha deal", "Beta deal", "Gamma", "MiXeD Case"] },
        { "not not (score eq 7)", ["a_b", "axb"] },
        { "amount gt 200.496", ["Alpha deal", "Beta deal"] },
        { "amount ge 200.496", ["Alpha deal", "Beta deal"] },
        { "amount lt 200.504", ["Beta deal", "50% off", "50 percent off"] },
        { "amount le 200.504", ["Beta deal", "50% off", "50 percent off"] },
        { "amount eq 200.504", [] },
        { "amount ne 200.504", All },
        { "amount in (200.5, 200.504)", ["Beta deal"] },
        { "amount gt -0.001 and amount lt 50.001", ["50% off", "50 percent off"] },
        { "amount gt 99999999999999999999", [] },
        { "amount lt 99999999999999999999", ["Alpha deal", "Beta deal", "50% off", "50 percent off"] },
        { "amount gt -99999999999999999999", ["Alpha deal", "Beta deal", "50% off", "50 percent off"] },
        { "amount eq 99999999999999999999", [] },
        { "closed_at lt 2024-01-15T10:00:00.0000001Z", ["Alpha deal"] },
        { "closed_at le 2024-01-15T09:59:59.9999999Z", [] },
        { "closed_at gt 2024-01-15T09:59:59.9999999Z and closed_at le 2024-01-15T10:00:00Z", ["Alpha deal"] },
        { "closed_at ge 2024-01-15T10:00:00.0000001Z", ["Beta deal"] },
        { "closed_at eq 2024-01-15T10:00:00.0000001Z", [] },
        { "tags/any(t: t eq 'HOT')", [] },
        { "true", All },
        { "false", [] },
        { "stage in ()", [] },
    };

    /// <summary>Values with LIKE wildcards, quotes and backslashes match literally.</summary>
    public static TheoryData<string, string[]> Literals => new()
    {
        { "contains(name,'50%')", ["50% off"] },
        { "startswith(name,'50%')", ["50% off"] },
        { "contains(name,'%')", ["50% off"] },
        { "contains(name,'a_b')", ["a_b"] },
        { "contains(name,'_')", ["a_b"] },
        { "endswith(name,'_b')", ["a_b"] },
        { "contains(name,'''')", ["O'Brien"] },
        { "name eq 'O''Brien'", ["O'Brien"] },
        { "startswith(name,'O''B')", ["O'Brien"] },
        { "contains(name,'\\')", ["back\\slash"] },
        { "name eq 'back\\slash'", ["back\\slash"] },
        { "endswith(name,'k\\slash')", ["back\\slash"] },
        { "contains(name,'\\%')", [] },
        { "tags/any(t: t eq '50%_off')", ["50% off"] },
        { "tags/any(t: t eq '50%')", [] },
        { "tags/any(t: t eq '_')", [] },
        { "name in ('a_b', '50%')", ["a_b"] },
    };

    /// <summary>Injection attempts that parse: the payload is a value and matches nothing.</summary>
    public static TheoryData<string> HarmlessInjections => new()
    {
        "name eq 'x'' OR ''1''=''1'",
        "name eq 'x''; DROP TABLE opportunity; --'",
        "contains(name,''' OR 1=1 --')",
        "contains(name,'%'' OR name LIKE ''%')",
        "stage in ('won'') OR (1=1', 'x')",
        "tags/any(t: t eq '\"]'' OR 1=1 --')",
    };

    private static string[] Except(params string[] names) => All.Except(names).ToArray();
}
