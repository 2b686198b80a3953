using Microsoft.AspNetCore.Identity;
using Platform.Identity.Users;

namespace Platform.Identity.Passwords;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2 with a per-password salt); clear passwords are never stored.</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<PlatformUser> Hasher = new();

    // Unknown user names are checked against this hash, so they take as long as a wrong password does.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, PasswordGenerator.Generate()));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(string? hash, string password) =>
        hash is not null && Hasher.VerifyHashedPassword(null!, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>Spends the time of a verification without a user, for constant-ish response times.</summary>
    public static void VerifyDecoy(string password) => Hasher.VerifyHashedPassword(null!, DecoyHash.Value, password);
}
