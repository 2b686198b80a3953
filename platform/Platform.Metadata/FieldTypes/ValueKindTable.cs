namespace Platform.Metadata.FieldTypes;

/// <summary>
/// One <typeparamref name="T"/> per <see cref="ValueKind"/>: how a project that Metadata cannot depend on (Storage,
/// Querying, Api) represents each kind. Every parameter is required, so a new kind fails to compile until each table
/// has its entry — the compile-time exhaustiveness an enum switch used to give.
/// </summary>
public sealed record ValueKindTable<T>(T String, T Integer, T Decimal, T Boolean, T Date, T DateTime, T Guid, T StringList)
{
    public T this[ValueKind kind] => kind.Pick(this);

    /// <summary>Each kind with its entry, in <see cref="ValueKind.All"/> order.</summary>
    public IEnumerable<(ValueKind Kind, T Entry)> Entries => ValueKind.All.Select(k => (k, this[k]));
}
