namespace Platform.Storage.Schema;

/// <summary>A field (and so column) rename inside <see cref="Entity"/>, named as it is after any entity rename.</summary>
public sealed record FieldRename(string Entity, string From, string To);
