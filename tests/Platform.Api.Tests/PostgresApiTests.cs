using Platform.Api.Tests.Support;

namespace Platform.Api.Tests;

/// <summary>The same tests on PostgreSQL (server from PLATFORM_TEST_POSTGRES; one fresh database for the class).</summary>
public sealed class PostgresApiTests(PostgresApiHost host) : ApiTests(host), IClassFixture<PostgresApiHost>;
