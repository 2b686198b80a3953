using Platform.Metadata.FieldTypes.BuiltIn;

namespace Platform.Metadata.FieldTypes;

/// <summary>
/// The field types of this process: the built-ins plus those registered with <c>AddFieldType&lt;T&gt;()</c>. There is
/// one registry, <see cref="Default"/>, which DI hands out too, so static code (the CLI's validator, JSON reading of
/// definitions) and the host see the same types. Reads are lock-free; registering replaces the snapshot.
/// </summary>
public sealed class FieldTypeRegistry
{
    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot;

    private FieldTypeRegistry(IEnumerable<FieldTypeDescriptor> types)
    {
        _snapshot = Snapshot.Empty;
        foreach (var type in types) Register(type);
    }

    public static FieldTypeRegistry Default { get; } = new(BuiltInFieldTypes.All);

    /// <summary>Every registered type, built-ins first, in registration order.</summary>
    public IReadOnlyList<FieldTypeDescriptor> All => _snapshot.List;

    public FieldTypeDescriptor? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    public FieldTypeDescriptor Get(string name) =>
        Find(name) ?? throw new InvalidOperationException(
            $"'{name}' is not a registered field type; registered are {string.Join(", ", All.Select(t => t.Name))}.");

    /// <summary>The types that allow a definition property, e.g. "maxLength" (for messages and the schema check).</summary>
    public IReadOnlyList<FieldTypeDescriptor> Allowing(string property) =>
        All.Where(t => t.Properties.Any(p => p.Name == property)).ToList();

    /// <summary>
    /// Adds a type. Registering the same descriptor class again is a no-op (hosts in one process register alike);
    /// another class under a taken name is a start-up error.
    /// </summary>
    public void Register(FieldTypeDescriptor type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type.Name);
        lock (_writeLock)
        {
            var current = _snapshot;
            if (current.ByName.TryGetValue(type.Name, out var existing))
            {
                if (existing.GetType() == type.GetType()) return;
                throw new InvalidOperationException(
                    $"The field type '{type.Name}' is registered twice: by {existing.GetType().FullName} and {type.GetType().FullName}.");
            }
            var byName = new Dictionary<string, FieldTypeDescriptor>(current.ByName, StringComparer.Ordinal) { [type.Name] = type };
            _snapshot = new Snapshot([.. current.List, type], byName);
        }
    }

    private sealed record Snapshot(IReadOnlyList<FieldTypeDescriptor> List, IReadOnlyDictionary<string, FieldTypeDescriptor> ByName)
    {
        public static readonly Snapshot Empty = new([], new Dictionary<string, FieldTypeDescriptor>());
    }
}
