namespace Platform.Workflows.Activities;

/// <summary>A fixed set of activity descriptions (a later one of the same type name wins), for hosts without the runtime.</summary>
public sealed class ActivityDescriptions(IEnumerable<IActivityDescription> descriptions) : IActivityDescriptions
{
    private readonly Dictionary<string, IActivityDescription> _types =
        descriptions.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>The descriptions of the activity types the platform ships.</summary>
    public static ActivityDescriptions BuiltIn { get; } = new(BuiltInActivityDescriptions.All);

    public IActivityDescription? Find(string type) => _types.GetValueOrDefault(type);
}
