using Microsoft.OData.Edm;
using Platform.Storage.Physical;

namespace Platform.Querying.Edm;

/// <summary>One entity's EDM type and set, its table, and its lookup navigations (navigation name to lookup field).</summary>
public sealed record EdmEntityBinding(
    IEdmEntityType Type, IEdmEntitySet Set, TableModel Table, IReadOnlyDictionary<string, string> Navigations)
{
    /// <summary>The lookup field a navigation stands for, or null.</summary>
    public string? LookupOf(string navigation) => Navigations.GetValueOrDefault(navigation);

    public bool IsLookup(string field) => Navigations.ContainsKey(EdmModelBuilder.NavigationName(field));
}
