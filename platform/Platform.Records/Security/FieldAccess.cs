namespace Platform.Records.Security;

/// <summary>How much of a field's value a user may read.</summary>
public enum FieldRead { None, Masked, Full }

/// <summary>What a user may do with one field, the union of their roles' field security.</summary>
public readonly record struct FieldAccess(FieldRead Read, bool Write)
{
    public static FieldAccess Full { get; } = new(FieldRead.Full, true);

    /// <summary>The more permissive of two accesses (a user's roles add up).</summary>
    public FieldAccess Union(FieldAccess other) => new((FieldRead)Math.Max((int)Read, (int)other.Read), Write || other.Write);

    /// <summary>The name documents and the metadata API use: full, masked, readOnly or hidden.</summary>
    public string Name => this switch
    {
        { Read: FieldRead.Full, Write: true } => "full",
        { Read: FieldRead.Full } => "readOnly",
        { Read: FieldRead.Masked } => "masked",
        _ => "hidden",
    };
}
