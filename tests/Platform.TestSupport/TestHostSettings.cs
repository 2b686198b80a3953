namespace Platform.TestSupport;

/// <summary>Settings every in-memory test host starts with (a test's own settings are applied after, so they win).</summary>
public static class TestHostSettings
{
    /// <summary>
    /// The known administrator password (so clients can sign in), and no request rate limits: suites send bursts far
    /// above production rates, and the limits have their own tests.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Common { get; } = new Dictionary<string, string>
    {
        [TestAdmin.PasswordSetting] = TestAdmin.Password,
        ["limits:tenant-requests-per-second"] = "0",
        ["limits:user-requests-per-second"] = "0",
    };
}
