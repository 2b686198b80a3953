namespace Platform.Workflows.Runtime;

/// <summary>
/// How one start of a batch went: the new instance's id, or none when its start key started one before (a trigger
/// delivered twice), or the failure that kept it from starting (its caller retries it).
/// </summary>
public sealed record StartOutcome(Guid? InstanceId, Exception? Failure)
{
    public static StartOutcome Duplicate { get; } = new(null, null);
}
