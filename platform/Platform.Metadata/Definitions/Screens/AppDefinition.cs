namespace Platform.Metadata.Definitions.Screens;

/// <summary>The module's part of the app's navigation (module.json "app"); without one, every entity of the module in order.</summary>
public sealed record AppDefinition
{
    public IReadOnlyList<NavigationItem> Navigation { get; init; } = [];
    /// <summary>Where the module's items go among the modules' (ascending; modules without an order follow in module order).</summary>
    public int? Order { get; init; }
}

/// <summary>An entity's records (in <see cref="View"/>, else its default view) or a dashboard.</summary>
public sealed record NavigationItem
{
    public string? Entity { get; init; }
    public string? View { get; init; }
    public string? Dashboard { get; init; }
}
