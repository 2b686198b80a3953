namespace Platform.Tenancy;

public sealed class TenantExistsException(string id) : InvalidOperationException($"A tenant '{id}' already exists.")
{
    public string TenantId { get; } = id;
}
