using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions;

/// <summary>An entity document: becomes one table, its junction tables, and a set of REST endpoints.</summary>
public sealed record EntityDefinition
{
    public required string Name { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? PluralLabel { get; init; }
    public LocalizedText? Description { get; init; }
    /// <summary>The field shown as the record's name in lists and lookups.</summary>
    public string? PrimaryField { get; init; }
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public IReadOnlyList<RelationDefinition> Relations { get; init; } = [];
    public IReadOnlyList<IndexDefinition> Indexes { get; init; } = [];
    /// <summary>Declares a rename of the entity (and so its table).</summary>
    public string? RenamedFrom { get; init; }

    public EntityHooks? Hooks { get; init; }

    /// <summary>"audit": false turns the audit trail of this entity's record writes off; absent means on.</summary>
    public bool? Audit { get; init; }

    /// <summary>Records of this entity are people (contacts, leads): data-subject requests (export, erase) apply to them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DataSubject { get; init; }

    [JsonIgnore]
    public bool IsAudited => Audit ?? true;

    /// <summary>Custom actions by name.</summary>
    public IReadOnlyDictionary<string, ActionDefinition> Actions { get; init; } = new Dictionary<string, ActionDefinition>();

    /// <summary>The field of that name, if any. An indexed loop: the write path asks per field of every record of a bulk
    /// request, and a LINQ predicate closing over the name allocated a closure and a delegate each time.</summary>
    public FieldDefinition? FindField(string name)
    {
        var fields = Fields;
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Name == name) return fields[i];
        return null;
    }
}

public sealed record RelationDefinition
{
    public required string Name { get; init; }
    public required RelationType Type { get; init; }
    public required string Target { get; init; }
    public LocalizedText? Label { get; init; }
}

public sealed record IndexDefinition
{
    public required IReadOnlyList<string> Fields { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Unique { get; init; }
    /// <summary>Optional explicit name; otherwise derived from entity and fields.</summary>
    public string? Name { get; init; }
}
