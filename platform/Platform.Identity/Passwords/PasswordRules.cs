namespace Platform.Identity.Passwords;

/// <summary>What a new password must satisfy (length over composition rules, as NIST SP 800-63B advises).</summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 200;

    /// <summary>Null when acceptable, otherwise why not.</summary>
    public static string? Check(string? password) => password switch
    {
        null or "" => "A password is required.",
        { Length: < MinimumLength } => $"A password needs at least {MinimumLength} characters.",
        { Length: > MaximumLength } => $"A password has at most {MaximumLength} characters.",
        _ when string.IsNullOrWhiteSpace(password) => "A password cannot be only spaces.",
        _ => null,
    };
}
