namespace Platform.TestSupport;

/// <summary>The administrator password test hosts configure (auth:admin-password), so test clients can sign in.</summary>
public static class TestAdmin
{
    public const string UserName = "admin";

    /// <summary>Known to tests only; the platform itself has no default password.</summary>
    public const string Password = "test-admin-password-7Qk";

    public const string PasswordSetting = "auth:admin-password";
}
