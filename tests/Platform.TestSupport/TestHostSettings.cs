namespace Platform.TestSupport;

/// <summary>Settings every in-memory test host starts with (a test's own settings are applied after, so they win).</summary>
public static class TestHostSettings
{
    /// <summary>
    /// The known administrator password (so clients can sign in), no request rate limits (suites send bursts far
    /// above production rates, and the limits have their own tests), and signing and encryption keys (a PostgreSQL
    /// host refuses to start without them; random per test run).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Common { get; } = new Dictionary<string, string>
    {
        [TestAdmin.PasswordSetting] = TestAdmin.Password,
        ["auth:signing-key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
        ["encryption:key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["limits:tenant-requests-per-second"] = "0",
        ["limits:user-requests-per-second"] = "0",
    };
}
