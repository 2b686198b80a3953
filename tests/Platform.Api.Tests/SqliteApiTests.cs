using Platform.Api.Tests.Support;

namespace Platform.Api.Tests;

public sealed class SqliteApiTests(SqliteApiHost host) : ApiTests(host), IClassFixture<SqliteApiHost>;
