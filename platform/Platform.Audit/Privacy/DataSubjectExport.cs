using Platform.Metadata.Definitions;

namespace Platform.Audit.Privacy;

/// <summary>Everything stored about one data subject: its record and every record that refers to it.</summary>
public sealed record DataSubjectExport(EntityDefinition Entity, Dictionary<string, object?> Record, IReadOnlyList<RelatedRecords> Related);

/// <summary>
/// The records of one entity that refer to the subject one way (<see cref="Via"/>: a lookup field or a relation) and
/// that the exporter may read; <see cref="Withheld"/> counts those they may not.
/// </summary>
public sealed record RelatedRecords(EntityDefinition Entity, string Via, IReadOnlyList<Dictionary<string, object?>> Records, int Withheld);
