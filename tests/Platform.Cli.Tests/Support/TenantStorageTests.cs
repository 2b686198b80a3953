namespace Platform.Cli.Tests.Support;

/// <summary>
/// A test class over one provider's tenant storage (a fresh data directory or database per test) and a temporary
/// folder for module copies; subclasses say which provider.
/// </summary>
public abstract class TenantStorageTests : IAsyncLifetime
{
    protected TempFolder Temp { get; } = new();

    protected TenantStorage Storage { get; private set; } = null!;

    protected abstract Task<TenantStorage> CreateStorageAsync();

    public async Task InitializeAsync() => Storage = await CreateStorageAsync();

    public async Task DisposeAsync()
    {
        await Storage.DisposeAsync();
        Temp.Dispose();
    }
}
