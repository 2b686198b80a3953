namespace Platform.Identity.Login;

/// <summary>After <see cref="MaxFailedLogins"/> wrong passwords in a row an account is locked for <see cref="Duration"/>.</summary>
public sealed record LockoutOptions(int MaxFailedLogins, TimeSpan Duration)
{
    public static LockoutOptions Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
