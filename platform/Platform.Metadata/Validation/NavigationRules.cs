using Platform.Metadata.Kinds;

namespace Platform.Metadata.Validation;

/// <summary>module.json's app navigation names entities the module may reach, views of those entities and dashboards of the module set.</summary>
internal static class NavigationRules
{
    public static IEnumerable<DefinitionError> Check(ValidationContext context)
    {
        var views = context.Modules.SelectMany(m => StandardDocumentKinds.View.Documents(m)).Select(v => v.Document)
            .DistinctBy(v => v.Id).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var dashboards = context.Modules.SelectMany(m => StandardDocumentKinds.Dashboard.Documents(m)).Select(d => d.Document.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var module in context.Modules)
        {
            var items = module.Manifest.App?.Navigation ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                var pointer = $"/app/navigation/{i}";
                if (items[i].Dashboard is { } dashboard && !dashboards.Contains(dashboard))
                    yield return context.ModuleError(module, $"{pointer}/dashboard", $"there is no dashboard '{dashboard}'");
                if (items[i].Entity is not { } entity) continue;
                if (ReferenceRules.CheckTarget(context, module, entity) is { } problem)
                    yield return context.ModuleError(module, $"{pointer}/entity", problem);
                else if (items[i].View is { } view && (!views.TryGetValue(view, out var found) || found.Entity != entity))
                    yield return context.ModuleError(module, $"{pointer}/view", found is null ? $"there is no view '{view}'" : $"the view '{view}' lists {found.Entity}, not {entity}");
            }
        }
    }
}
