using System.CommandLine;
using Platform.Tenancy;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>tenant create|list|suspend|resume|delete</c>: the operator's tenant lifecycle. A suspended tenant's API answers
/// 403 on every node within seconds; delete removes the catalog entry and then the tenant's database.
/// </summary>
internal static class TenantCommand
{
    public static Command Create(CliContext context) => new("tenant", "Create, list, suspend, resume or delete tenants.")
    {
        CreateCommand(context), ListCommand(context), StatusCommand(context, "suspend", TenantStatus.Suspended),
        StatusCommand(context, "resume", TenantStatus.Active), DeleteCommand(context),
    };

    private static Command CreateCommand(CliContext context)
    {
        var id = IdArgument();
        var modules = new Option<string[]>("--modules", "-m")
        {
            Description = "Module folders to apply to the new tenant.", AllowMultipleArgumentsPerToken = true,
        };
        var placement = new Option<string?>("--tenant-connection")
        {
            Description = "PostgreSQL: place the tenant on another server or database (its connection string) instead of the platform database.",
        };
        var storage = new StorageArguments(withTenantOption: false);
        var command = new Command("create", "Create a tenant, optionally with modules applied.") { id, modules, placement };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenant = Id(parseResult, id);
            var administration = StorageArguments.Administration(new TenantCatalog(storage.Storage(parseResult, context)));
            TenantCreateResultOutput result;
            try
            {
                var created = await administration.CreateAsync(tenant, parseResult.GetValue(placement), parseResult.GetValue(modules) ?? [], ct);
                result = new TenantCreateResultOutput(created);
            }
            catch (TenantExistsException e)
            {
                throw new CliException(e.Message);
            }
            return await result.WriteAsync(context, ct);
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var storage = new StorageArguments(withTenantOption: false);
        var command = new Command("list", "List the tenants with their status and where their data lives.");
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenants = await new TenantCatalog(storage.Storage(parseResult, context)).ListAsync(ct);
            if (tenants.Count == 0) await context.Out.WriteLineAsync("No tenants.");
            foreach (var tenant in tenants)
                await context.Out.WriteLineAsync($"{tenant.Id,-20} {tenant.Status,-10} {tenant.CreatedAt:yyyy-MM-dd HH:mm}Z  {tenant.Database}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command StatusCommand(CliContext context, string name, TenantStatus status)
    {
        var id = IdArgument();
        var storage = new StorageArguments(withTenantOption: false);
        var command = new Command(name, status == TenantStatus.Suspended
            ? "Suspend a tenant: its API answers 403 and its workflows do not run; nothing is deleted."
            : "Resume a suspended tenant.") { id };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenant = Id(parseResult, id);
            var administration = StorageArguments.Administration(new TenantCatalog(storage.Storage(parseResult, context)));
            if (status == TenantStatus.Suspended) await administration.SuspendAsync(tenant, ct);
            else await administration.ResumeAsync(tenant, ct);
            await context.Out.WriteLineAsync($"Tenant '{tenant}' is {(status == TenantStatus.Suspended ? "suspended" : "active")}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DeleteCommand(CliContext context)
    {
        var id = IdArgument();
        var confirm = new Option<string?>("--confirm") { Description = "The tenant id again: deleting destroys every record of the tenant." };
        var storage = new StorageArguments(withTenantOption: false);
        var command = new Command("delete", "Delete a tenant and its database (irreversible).") { id, confirm };
        storage.AddTo(command);
        command.SetRunner(context, async (parseResult, ct) =>
        {
            var tenant = Id(parseResult, id);
            if (parseResult.GetValue(confirm) != tenant)
                throw new CliException($"Deleting destroys every record of '{tenant}': repeat the id with --confirm {tenant}.");
            var removed = await StorageArguments.Administration(new TenantCatalog(storage.Storage(parseResult, context))).DeleteAsync(tenant, ct);
            await context.Out.WriteLineAsync($"Deleted tenant '{tenant}' and its database ({removed.Database}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The tenant id." };

    private static string Id(ParseResult parseResult, Argument<string> argument)
    {
        var id = parseResult.GetRequiredValue(argument);
        return TenantId.IsValid(id)
            ? id
            : throw new CliException($"'{id}' is not a valid tenant id: use 1-40 lowercase letters, digits or '-', starting with a letter.");
    }
}
