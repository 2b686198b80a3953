namespace Platform.Querying;

/// <summary>A lookup to expand: the field, the entity it points at and, if given, the fields to return of it.</summary>
public sealed record ExpandedLookup(string Field, string Target, IReadOnlyList<string>? Select);
