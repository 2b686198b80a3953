using Platform.Records.Security;

namespace Platform.Identity.Users;

/// <summary>A user as a request is checked against: current roles, teams, unit and state, and the security stamp.</summary>
public sealed record SessionUser(DirectoryUser User, string Stamp);
