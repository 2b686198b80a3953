using Platform.Cli.Tests.Support;

namespace Platform.Cli.Tests;

public sealed class SqliteTenantCommandTests : TenantCommandTests
{
    protected override Task<TenantStorage> CreateStorageAsync() => Task.FromResult<TenantStorage>(new SqliteTenantStorage());
}
