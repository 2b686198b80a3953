using Platform.Benchmarks.Data;
using Platform.Benchmarks.Hosting;

namespace Platform.Benchmarks.Workflows;

/// <summary>The workflow cases of one provider: one host, each case with tenants of its own (crm-core only).</summary>
public sealed class WorkflowBench(BenchHost host, BenchStorage storage, string crmCore)
{
    public BenchHost Host { get; } = host;
    public string Provider => storage.Name;
    public string CrmCore { get; } = crmCore;

    public static async Task RunAsync(BenchStorage storage, string modules, BenchmarkSettings settings, Report report)
    {
        Console.WriteLine($"== {storage.Name}: workflows ==");
        await using var host = BenchHost.Build(storage, modules);
        var crmCore = Path.Combine(modules, "crm-core");
        // The baseline endpoints are not used here; they need a database to map over, any tenant's will do.
        var first = await BenchTenant.InstallAsync(host.Services, "wfbase", [crmCore]);
        await host.StartAsync(first.Tenant.Database);
        var bench = new WorkflowBench(host, storage, crmCore);
        if (settings.RunsWorkflowCase("triggers")) await WorkflowTriggersCase.RunAsync(bench, settings, report);
        if (settings.RunsWorkflowCase("instances")) await WorkflowInstancesCase.RunAsync(bench, settings, report);
        if (settings.RunsWorkflowCase("timers")) await WorkflowTimersCase.RunAsync(bench, settings, report);
        if (settings.RunsWorkflowCase("approval")) await RunApprovalAsync(bench, storage, settings, report);
        Console.WriteLine();
    }

    private static async Task RunApprovalAsync(WorkflowBench bench, BenchStorage storage, BenchmarkSettings settings, Report report)
    {
        try
        {
            await WorkflowApprovalCase.RunAsync(bench, settings, report);
        }
        catch (InvalidOperationException e)
        {
            // The approval variant needs the Approval activity and its routes; its failure must not hide the figures above.
            report.Add(new Finding(storage.Name, "5-step + approval/s", $"did not run: {e.Message}", Met: false));
        }
    }
}
