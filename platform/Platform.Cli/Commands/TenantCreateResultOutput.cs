using Platform.Runtime;

namespace Platform.Cli.Commands;

/// <summary>Prints the outcome of <c>tenant create</c>; a failed module install (the tenant removed again) is exit 1 or 2.</summary>
internal sealed class TenantCreateResultOutput(TenantCreateResult result)
{
    public async Task<int> WriteAsync(CliContext context, CancellationToken ct)
    {
        var tenant = result.Tenant;
        if (result.Install is { HasErrors: true } failed)
        {
            await DefinitionErrorOutput.WriteAsync(context, failed.Errors);
            await context.Error.WriteLineAsync($"The modules did not validate; tenant '{tenant.Id}' was not kept.");
            return ExitCodes.Error;
        }
        if (result.Install is { Refused: true } refused)
        {
            await context.Error.WriteLineAsync($"Refused: {refused.Applied!.Reason}. Tenant '{tenant.Id}' was not kept.");
            return ExitCodes.Refused;
        }
        await context.Out.WriteLineAsync($"Created tenant '{tenant.Id}' ({tenant.Database}).");
        if (result.Install.Applied is { Version: { } version })
            await context.Out.WriteLineAsync($"Applied modules: schema version {version}.");
        await FirstAdministratorOutput.EnsureAsync(context, tenant, result.Install.Plan?.Target, ct);
        return ExitCodes.Success;
    }
}
