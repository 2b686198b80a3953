using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

/// <summary>The same commands with <c>--provider postgres --connection &lt;cs&gt;</c>, on a fresh database per test.</summary>
public sealed class PostgresTenantCommandTests : TenantCommandTests
{
    protected override async Task<TenantStorage> CreateStorageAsync() => await PostgresTenantStorage.CreateAsync();
}
