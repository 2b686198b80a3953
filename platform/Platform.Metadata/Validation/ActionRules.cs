using Platform.Metadata.Kinds.Screens;

namespace Platform.Metadata.Validation;

/// <summary>Rules on an entity's custom actions: an availableWhen condition names the entity's fields and options.</summary>
internal static class ActionRules
{
    public static IEnumerable<DefinitionError> Check(EntityEntry entry)
    {
        foreach (var (name, action) in entry.Entity.Actions.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (action.AvailableWhen is not { } condition) continue;
            foreach (var (pointer, comparison) in condition.Comparisons($"/actions/{JsonPointer.Escape(name)}/availableWhen"))
                foreach (var (at, message) in ConditionRules.Check(entry.Entity, comparison, pointer))
                    yield return entry.Error(at, message);
        }
    }
}
