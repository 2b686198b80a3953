namespace Platform.Templates;

/// <summary>
/// A record as a template sees it: its field values and which of its fields are lookups (field name → target entity),
/// so <c>record.account.name</c> can load the related account through <see cref="ITemplateRecordLoader"/>.
/// </summary>
/// <param name="Fields">Field values by field name; a lookup's value is the related record's id.</param>
public sealed record TemplateRecord(string Entity, Guid Id, IReadOnlyDictionary<string, object?> Fields, IReadOnlyDictionary<string, string> Lookups);
