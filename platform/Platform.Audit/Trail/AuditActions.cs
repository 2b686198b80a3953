namespace Platform.Audit.Trail;

/// <summary>Action names the platform itself writes; other events (login, share, role-granted...) name their own.</summary>
public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Erase = "erase";
    /// <summary>A data subject's records were exported (details: how many related records, how many withheld).</summary>
    public const string PrivacyExport = "privacy-export";
}
