namespace Platform.Records.Writing;

/// <summary>
/// One step of every record write — single, bulk, scripts' <c>crm</c>, a delete's cascades alike. The write path
/// (<see cref="RecordWriter"/>) runs the stages by <see cref="Order"/>: permission, before-save scripts, defaults and
/// formulas, checks, store, after-save scripts, record events (audit trail, outbox). A later feature adds a stage by
/// registering one (<c>services.AddSingleton&lt;IRecordWriteStage, MyStage&gt;()</c>) with an order between those.
/// </summary>
public interface IRecordWriteStage
{
    /// <summary>Where the stage runs; see <see cref="RecordWriteStageOrder"/> for the platform's own.</summary>
    int Order { get; }

    /// <summary>
    /// Whether the stage has anything to do for writes of the entity. Asked once per entity and definition set, so a
    /// stage with nothing to do (an entity without hooks) costs nothing per write.
    /// </summary>
    bool AppliesTo(Metadata.Definitions.EntityDefinition entity);

    /// <summary>Runs over every record of the batch (a stage after the store sees each record's <see cref="RecordWrite.Change"/>).</summary>
    Task RunAsync(RecordWriteBatch batch, CancellationToken ct);
}

/// <summary>The orders of the platform's own stages, spaced so a stage can go between two.</summary>
public static class RecordWriteStageOrder
{
    public const int Permission = 100;
    public const int BeforeSave = 200;
    public const int DefaultsAndFormulas = 300;
    public const int Checks = 400;
    public const int Store = 500;
    public const int AfterSave = 600;
    public const int Events = 700;
}
