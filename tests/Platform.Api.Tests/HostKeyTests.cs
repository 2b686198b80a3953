using Microsoft.Data.Sqlite;
using Platform.Api.Tests.Support;
using Platform.TestSupport;

namespace Platform.Api.Tests;

/// <summary>Signing and encryption keys: shared on PostgreSQL (never generated per node), generated on a fresh SQLite host.</summary>
public sealed class HostKeyTests
{
    private static readonly Dictionary<string, string> WithoutKeys = new() { ["auth:signing-key"] = "", ["encryption:key"] = "" };

    [Fact]
    public void A_postgres_host_without_configured_keys_refuses_to_start_and_names_the_settings()
    {
        using var factory = ApiHost.Start(new Dictionary<string, string>(WithoutKeys)
        {
            ["provider"] = "postgres", ["connection"] = "Host=127.0.0.1;Port=1;Database=never-opened",
        }, demo: false);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        var refusal = Flatten(error).OfType<InvalidOperationException>().First(e => e.Message.Contains("same keys", StringComparison.Ordinal));
        Assert.Contains("auth:signing-key", refusal.Message);
        Assert.Contains("PLATFORM_AUTH_SIGNING_KEY", refusal.Message);
        Assert.Contains("encryption:key", refusal.Message);
        Assert.Contains("PLATFORM_ENCRYPTION_KEY", refusal.Message);
    }

    [Fact]
    public async Task A_fresh_sqlite_host_without_keys_starts_and_keeps_generated_keys_in_its_data_directory()
    {
        var directory = Directory.CreateTempSubdirectory("platform-keys-").FullName;
        try
        {
            await using (var factory = ApiHost.Start(new Dictionary<string, string>(WithoutKeys) { ["provider"] = "sqlite", ["data-dir"] = directory }, demo: false))
            {
                using var client = factory.CreateClient();
                await PlatformTestHost.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60));
                // Both keys are built on first use.
                factory.Services.GetService(typeof(Platform.Storage.Encryption.FieldCipher));
                factory.Services.GetService(typeof(Platform.Api.Auth.SigningKeys));
            }
            Assert.True(File.Exists(Path.Combine(directory, "encryption.key")));
            Assert.True(File.Exists(Path.Combine(directory, "auth-signing.key")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
        }
    }
}
