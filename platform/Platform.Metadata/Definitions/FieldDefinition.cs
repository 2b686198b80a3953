using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions;

/// <summary>One field of an entity document; becomes one column.</summary>
public sealed record FieldDefinition
{
    public required string Name { get; init; }
    public required FieldType Type { get; init; }
    public LocalizedText? Label { get; init; }
    public LocalizedText? Description { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Required { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Unique { get; init; }
    /// <summary>Asks for a single-column index (lookups and unique fields get one anyway).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Indexed { get; init; }
    public int? MaxLength { get; init; }
    public int? Precision { get; init; }
    public int? Scale { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>A constant default: a string, number or boolean matching the field type.</summary>
    public JsonNode? Default { get; init; }
    public IReadOnlyList<ChoiceOption>? Options { get; init; }
    /// <summary>Lookup target entity.</summary>
    public string? Target { get; init; }
    public DeleteBehavior? OnDelete { get; init; }
    /// <summary>Autonumber format, a .NET composite format with the counter as {0}, e.g. "OPP-{0:00000}".</summary>
    public string? Format { get; init; }
    /// <summary>A JavaScript expression over <c>record</c>: the field is computed on save, stored and read-only.</summary>
    public string? Formula { get; init; }

    /// <summary>A JavaScript expression giving the starting value of new records.</summary>
    public string? DefaultExpression { get; init; }

    /// <summary>Personal data (name, email, phone...): exported and anonymised by data-subject requests.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Personal { get; init; }

    /// <summary>Stored encrypted (AES-GCM); cannot be unique, indexed, filtered or sorted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Encrypted { get; init; }

    /// <summary>Declares a rename: the field's previous name. Never guessed.</summary>
    public string? RenamedFrom { get; init; }

    [JsonIgnore]
    public DeleteBehavior EffectiveOnDelete => OnDelete ?? (Required ? DeleteBehavior.Restrict : DeleteBehavior.SetNull);
}

public sealed record ChoiceOption
{
    public required string Value { get; init; }
    public LocalizedText? Label { get; init; }
    public string? Color { get; init; }
}
