using Jint;

namespace Platform.Scripting;

/// <summary>Counts statements for the run report; MaxStatements enforces, this only observes.</summary>
internal sealed class StatementCounter : Constraint
{
    public long Count { get; private set; }

    // Counting consumes state, so it must see every statement.
    public override bool IsAmortizable => false;

    public override void Check() => Count++;

    // Jint resets constraints at every entry, including a library's nested one; the count is per run, so the sandbox
    // restarts it when a run begins instead.
    public override void Reset() { }

    public void Restart() => Count = 0;
}
