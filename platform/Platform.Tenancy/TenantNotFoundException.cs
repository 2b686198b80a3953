namespace Platform.Tenancy;

/// <summary>No tenant has the id. A <see cref="KeyNotFoundException"/>, so callers that treat any missing key alike (the CLI) still do.</summary>
public sealed class TenantNotFoundException(string id) : KeyNotFoundException($"No tenant '{id}'.")
{
    public string TenantId { get; } = id;
}
