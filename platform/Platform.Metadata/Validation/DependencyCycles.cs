using Platform.Metadata.Definitions;

namespace Platform.Metadata.Validation;

/// <summary>Finds modules that depend on themselves through others; each cycle is reported once.</summary>
internal static class DependencyCycles
{
    public static IEnumerable<DefinitionError> Find(ValidationContext context)
    {
        var order = context.Modules.Select((m, i) => (m.Id, i)).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.i);
        var finished = new HashSet<string>();
        var reported = new HashSet<string>();
        var errors = new List<DefinitionError>();
        foreach (var module in context.ModulesById.Values)
        {
            Visit(module.Id, []);
        }
        return errors;

        void Visit(string id, List<string> path)
        {
            if (finished.Contains(id)) return;
            var start = path.IndexOf(id);
            if (start >= 0)
            {
                Report(path[start..]);
                return;
            }
            path.Add(id);
            // Self-dependencies are reported by ModuleRules in plainer words.
            foreach (var next in context.ModulesById[id].Manifest.DependsOn.Keys.Where(k => k != id && context.ModulesById.ContainsKey(k)))
            {
                Visit(next, path);
            }
            path.RemoveAt(path.Count - 1);
            finished.Add(id);
        }

        void Report(List<string> cycle)
        {
            // Start the cycle at the module listed first, so the error lands in a predictable file.
            var first = cycle.IndexOf(cycle.MinBy(id => order[id])!);
            var rotated = cycle[first..].Concat(cycle[..first]).ToList();
            if (!reported.Add(string.Join(">", rotated))) return;
            ModuleDefinition owner = context.ModulesById[rotated[0]];
            var next = rotated.Count > 1 ? rotated[1] : rotated[0];
            errors.Add(context.ModuleError(owner, JsonPointer.Append("/dependsOn", next),
                $"dependency cycle: {string.Join(" -> ", rotated.Append(rotated[0]))}"));
        }
    }
}
