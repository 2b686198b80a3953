using System.Text.Json.Nodes;

namespace Platform.Metadata.Definitions.Screens;

/// <summary>
/// A condition over the record being edited, as JSON the browser evaluates: a comparison
/// <c>{"field": "stage", "op": "eq", "value": "won"}</c>, or <c>{"and": [...]}</c>, <c>{"or": [...]}</c>, <c>{"not": {...}}</c>.
/// </summary>
public sealed record FormCondition
{
    public string? Field { get; init; }
    /// <summary>eq, ne, in, notIn, empty, notEmpty, gt or lt.</summary>
    public string? Op { get; init; }
    public JsonNode? Value { get; init; }
    public IReadOnlyList<FormCondition>? And { get; init; }
    public IReadOnlyList<FormCondition>? Or { get; init; }
    public FormCondition? Not { get; init; }

    /// <summary>Every comparison of the condition with its JSON pointer below <paramref name="pointer"/>.</summary>
    public IEnumerable<(string Pointer, FormCondition Comparison)> Comparisons(string pointer)
    {
        if (Field is not null) yield return (pointer, this);
        foreach (var (list, name) in new[] { (And, "and"), (Or, "or") })
            for (var i = 0; i < (list?.Count ?? 0); i++)
                foreach (var inner in list![i].Comparisons($"{pointer}/{name}/{i}")) yield return inner;
        if (Not is not null)
            foreach (var inner in Not.Comparisons($"{pointer}/not")) yield return inner;
    }
}
