namespace Platform.Metadata.Validation;

/// <summary>
/// Modules and entities that exist on disk but failed to load. References to them are not reported again:
/// their own errors already say what is wrong.
/// </summary>
internal sealed record UnloadedDefinitions(IReadOnlySet<string> ModuleIds, IReadOnlySet<string> EntityNames)
{
    public static UnloadedDefinitions None { get; } = new(new HashSet<string>(), new HashSet<string>());
}
