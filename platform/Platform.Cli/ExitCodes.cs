namespace Platform.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Invalid definitions, bad arguments, unknown tenant, database unreachable.</summary>
    public const int Error = 1;

    /// <summary>Apply refused the plan (data loss without consent, blocked rows); nothing was changed.</summary>
    public const int Refused = 2;
}
