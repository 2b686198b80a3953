namespace Platform.Workflows.Activities;

/// <summary>Every registered activity type by its name; the validator, the engine and the activity-types endpoint read it.</summary>
public sealed class ActivityRegistry(IEnumerable<IActivityType> types) : IActivityDescriptions
{
    private readonly Dictionary<string, IActivityType> _types = types.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IReadOnlyCollection<IActivityType> All => _types.Values.OrderBy(t => t.Type, StringComparer.Ordinal).ToList();

    public IActivityType? Find(string type) => _types.GetValueOrDefault(type);

    IActivityDescription? IActivityDescriptions.Find(string type) => Find(type);

    public IActivityType Get(string type) => Find(type) ?? throw new WorkflowActivityException($"There is no activity type '{type}'.");
}
