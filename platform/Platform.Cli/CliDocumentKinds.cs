using Microsoft.Extensions.DependencyInjection;
using Platform.Metadata.Kinds;
using Platform.Workflows;

namespace Platform.Cli;

/// <summary>
/// The document kinds the CLI reads, validates, plans and exports. The CLI runs without a host, so it builds the
/// catalogue from the same registrations a host makes (<see cref="DocumentKindServices"/>): a feature that adds a kind
/// calls its AddXxx here too, and validate and the host then accept the same module folders.
/// </summary>
internal static class CliDocumentKinds
{
    public static DocumentKindCatalog Catalog { get; } = Build();

    private static DocumentKindCatalog Build()
    {
        var services = new ServiceCollection().AddPlatformDocumentKinds().AddWorkflowDefinitions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<DocumentKindCatalog>();
    }
}
