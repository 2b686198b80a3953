namespace Platform.Records;

/// <summary>Who is reading or writing: stamped into created_by / modified_by / owner.</summary>
public sealed record RecordActor(Guid? UserId)
{
    public static RecordActor Anonymous { get; } = new((Guid?)null);
}
