namespace Platform.Records;

/// <summary>
/// Who is reading or writing: stamped into created_by / modified_by / owner, checked by the permission enforcement
/// point and written to the audit trail. Built from the authenticated user of a request, or <see cref="System"/>.
/// </summary>
public sealed record RecordActor
{
    public RecordActor(Guid? userId) => UserId = userId;

    public Guid? UserId { get; init; }

    /// <summary>The user name (login), for audit entries and scripts' <c>user.name</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Names of the security roles the user holds in this tenant.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Names of the teams the user belongs to.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>The user's business unit, if any.</summary>
    public string? BusinessUnit { get; init; }

    /// <summary>Where the request came from (client IP address), for the audit trail.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The platform acting on its own behalf (seeding, installers): permission checks do not apply.</summary>
    public bool IsSystem { get; init; }

    /// <summary>No authenticated user (only before authentication is configured, and in tests of the storage layers).</summary>
    public static RecordActor Anonymous { get; } = new((Guid?)null);

    public static RecordActor System { get; } = new((Guid?)null) { Name = "system", IsSystem = true };
}
