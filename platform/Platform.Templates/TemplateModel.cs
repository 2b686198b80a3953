namespace Platform.Templates;

/// <summary>
/// What a template can see: <c>record</c> (with lookups loaded through <see cref="Records"/>), <c>user</c> and the
/// extra variables by name (workflow variables, a link, …). Values are plain data; nothing else of .NET is reachable.
/// </summary>
public sealed record TemplateModel
{
    public TemplateRecord? Record { get; init; }

    /// <summary>The user the text is for or about (name, email, …).</summary>
    public IReadOnlyDictionary<string, object?>? User { get; init; }

    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Loads related records; without it lookups render as their id only (<c>record.account.id</c>).</summary>
    public ITemplateRecordLoader? Records { get; init; }

    public static TemplateModel Empty { get; } = new();
}
