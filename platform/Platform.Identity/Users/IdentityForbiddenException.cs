namespace Platform.Identity.Users;

/// <summary>An administrator's change that nobody may make, e.g. changing one's own roles (answered 403).</summary>
public sealed class IdentityForbiddenException(string message) : Exception(message);
