using Platform.Metadata.Kinds;

namespace Platform.Metadata.Definitions.Screens;

/// <summary>The screens of a tenant's definitions: each entity's form and views (generated where no module gives one) and the navigation.</summary>
public static class AppScreens
{
    /// <summary>
    /// The entity's form: the one a module gives — of several, the one whose module depends on the others' (validation
    /// allows no other case) — else a generated one.
    /// </summary>
    public static (FormDefinition Form, bool Generated) FormFor(DefinitionSet definitions, EntityDefinition entity)
    {
        var candidates = definitions.Modules
            .SelectMany(m => StandardDocumentKinds.Form.Documents(m).Where(f => f.Document.Entity == entity.Name).Select(f => (Module: m, Form: f.Document)))
            .ToList();
        if (candidates.Count == 0) return (GeneratedForm.For(entity, definitions), true);
        var chosen = candidates.First(c => !candidates.Any(other => other.Module.Id != c.Module.Id && DependsOn(definitions, other.Module, c.Module.Id)));
        return (chosen.Form, false);
    }

    private static bool DependsOn(DefinitionSet definitions, ModuleDefinition module, string other)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(module.Manifest.DependsOn.Keys);
        while (pending.TryPop(out var id))
        {
            if (id == other) return true;
            if (!seen.Add(id)) continue;
            foreach (var next in definitions.Modules.FirstOrDefault(m => m.Id == id)?.Manifest.DependsOn.Keys ?? []) pending.Push(next);
        }
        return false;
    }

    /// <summary>The entity's views, the default first; a generated default view joins them when none is the default.</summary>
    public static IReadOnlyList<(ViewDefinition View, bool Generated)> ViewsFor(DefinitionSet definitions, EntityDefinition entity)
    {
        var views = definitions.Documents(StandardDocumentKinds.View).Where(v => v.Entity == entity.Name).Select(v => (v, false)).ToList();
        if (!views.Any(v => v.v.Default)) views.Insert(0, (GeneratedView.For(entity), true));
        return views.OrderByDescending(v => v.Item1.Default).ToList();
    }

    /// <summary>
    /// The navigation: each module's entries (its app section, else every entity of the module in file order), the
    /// modules with an order first by order, then the others in module order.
    /// </summary>
    public static IReadOnlyList<(ModuleDefinition Module, NavigationItem Item)> Navigation(DefinitionSet definitions) =>
        definitions.Modules
            .Select((module, index) => (module, index))
            .OrderBy(m => m.module.Manifest.App?.Order ?? int.MaxValue).ThenBy(m => m.index)
            .SelectMany(m => Items(m.module).Select(item => (m.module, item)))
            .ToList();

    private static IEnumerable<NavigationItem> Items(ModuleDefinition module) =>
        module.Manifest.App is { } app
            ? app.Navigation
            : module.Entities.Select(e => new NavigationItem { Entity = e.Document.Name });
}
