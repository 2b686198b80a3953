using Platform.Metadata.Kinds.Dashboards;
using Platform.Metadata.Kinds.Screens;

namespace Platform.Metadata.Kinds;

/// <summary>The kinds Platform.Metadata adds to the core ones: screens (forms, views and dashboards). Their documents live in <see cref="Definitions.ModuleDefinition.Documents"/>.</summary>
public static class StandardDocumentKinds
{
    public static FormKind Form { get; } = new();
    public static ViewKind View { get; } = new();
    public static DashboardKind Dashboard { get; } = new();

    public static IReadOnlyList<DocumentKind> All { get; } = [Form, View, Dashboard];
}
