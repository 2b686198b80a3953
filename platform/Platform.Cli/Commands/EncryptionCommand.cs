using System.CommandLine;
using Platform.Runtime;
using Platform.Storage.Encryption;
using Platform.Storage.Providers;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>encryption rotate</c>: re-encrypts every encrypted field value under the current master key
/// (PLATFORM_ENCRYPTION_KEY), reading values sealed under the keys it replaces (PLATFORM_ENCRYPTION_PREVIOUS_KEYS,
/// comma-separated) and values of the first format. Batched and resumable: run it again after an interruption.
/// </summary>
internal static class EncryptionCommand
{
    public static Command Create(CliContext context) => new("encryption", "Manage the keys of encrypted fields.") { RotateCommand(context) };

    private static Command RotateCommand(CliContext context)
    {
        var tenantOption = new Option<string?>("--tenant", "-t") { Description = "Only this tenant (default: every tenant)." };
        var batch = new Option<int>("--batch-size")
        {
            Description = "Rows per transaction.", DefaultValueFactory = _ => 500,
        };
        var storage = new StorageArguments(withTenantOption: false);
        var command = new Command("rotate",
            $"Re-encrypt encrypted fields under the key in {EncryptionKeySettings.KeyVariable}, reading old values with {EncryptionKeySettings.PreviousKeysVariable}. Resumable.")
        {
            tenantOption, batch,
        };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var options = storage.Storage(parseResult, context);
            var batchSize = parseResult.GetValue(batch);
            if (batchSize is < 1 or > 100_000) throw new CliException("--batch-size must be between 1 and 100000.");
            var cipher = Cipher(context, options);
            var catalog = new TenantCatalog(options);
            var runtimes = new TenantRuntimeCache(catalog);
            var only = parseResult.GetValue(tenantOption);
            var tenants = only is not null
                ? [await catalog.FindAsync(only, ct) ?? throw new CliException($"There is no tenant '{only}'.")]
                : await catalog.ListAsync(ct);
            long rewritten = 0;
            foreach (var tenant in tenants)
            {
                var runtime = await runtimes.GetAsync(tenant.Id, ct) ?? throw new CliException($"There is no tenant '{tenant.Id}'.");
                var rotation = new EncryptedFieldRotation(runtime.Store.Database, runtime.Model, cipher.ForTenant(tenant.Id), batchSize);
                foreach (var table in await rotation.RunAsync(progress =>
                             context.Out.WriteLineAsync($"{tenant.Id}/{progress.Entity}: {progress.RowsRead} rows read, {progress.ValuesRewritten} values re-encrypted"), ct))
                    rewritten += table.ValuesRewritten;
            }
            await context.Out.WriteLineAsync($"Done: {rewritten} values re-encrypted under key {cipher.KeyId} in {tenants.Count} tenant(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The current key from the environment; on SQLite the host's generated key file is the fallback.</summary>
    private static FieldCipher Cipher(CliContext context, PlatformStorageOptions options) =>
        OptionalCipher(context, options)
        ?? throw new CliException($"Set {EncryptionKeySettings.KeyVariable} to the new key (base64 of 32 random bytes) and {EncryptionKeySettings.PreviousKeysVariable} to the keys it replaces.");

    /// <summary>
    /// The key as <see cref="Cipher"/> finds it, or null without one (an apply that renames encrypted fields needs it to
    /// re-seal their values, and is refused without it).
    /// </summary>
    internal static FieldCipher? OptionalCipher(CliContext context, PlatformStorageOptions options)
    {
        var previous = context.GetEnvironmentVariable(EncryptionKeySettings.PreviousKeysVariable);
        var key = context.GetEnvironmentVariable(EncryptionKeySettings.KeyVariable);
        if (string.IsNullOrWhiteSpace(key) && options.Dialect.IsLocalFile)
        {
            var file = Path.Combine(options.DataDirectory, "encryption.key");
            if (File.Exists(file)) key = File.ReadAllText(file);
        }
        return string.IsNullOrWhiteSpace(key) ? null : EncryptionKeySettings.Cipher(key, previous);
    }
}
