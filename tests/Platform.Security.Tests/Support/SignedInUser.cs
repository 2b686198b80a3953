using Platform.Records;

namespace Platform.Security.Tests.Support;

/// <summary>A test user as the host knows them: their real id and a client holding their bearer token.</summary>
public sealed record SignedInUser(TestUser User, Guid Id, HttpClient Client)
{
    /// <summary>The actor their sign-in gives (the same id, roles, teams and unit as their token's claims).</summary>
    public RecordActor Actor { get; } = new(Id) { Name = User.UserName, Roles = User.Roles, Teams = User.Teams, BusinessUnit = User.BusinessUnit };
}
