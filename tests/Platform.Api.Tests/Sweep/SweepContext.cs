namespace Platform.Api.Tests.Sweep;

/// <summary>Ids that exist in the swept tenant, so some requests reach the records and users behind the routes.</summary>
public sealed class SweepContext(IReadOnlyDictionary<string, Guid> records, Guid user, string? sessionCookie = null)
{
    /// <summary>A real session cookie ("name=value") of the administrator, for requests made as the web client.</summary>
    public string? SessionCookie => sessionCookie;

    public string IdFor(string template, string parameter, string? entity, Random random)
    {
        if (template.StartsWith("/admin/users", StringComparison.Ordinal)) return user.ToString();
        if (entity is not null && parameter == "id" && records.TryGetValue(entity, out var id)) return id.ToString();
        return AnyId(random).ToString();
    }

    public Guid AnyId(Random random) => records.Values.ElementAt(random.Next(records.Count));
}
