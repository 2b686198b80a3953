using Platform.Records.Events;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records.Transactions;

/// <summary>
/// One unit of work over a tenant's records. The outermost write (an API call, a custom action, later a workflow step)
/// begins it; every record call made while it is open — a hook's or an action's <c>crm</c> calls — joins it instead of
/// opening a connection of its own, and only the outermost commits. Nothing is committed unless all of it succeeds.
/// <para>
/// Ambient (an AsyncLocal) rather than passed explicitly: nested calls reach <see cref="RecordService"/> through Jint
/// host functions and <c>IScriptCrm</c>, which should not carry a transaction (scripts must never see one), and an
/// AsyncLocal flows down into those calls but never up or sideways, so concurrent requests never share a scope. It is
/// also what SQLite requires: a second write connection inside an open write transaction would wait for the lock the
/// first one holds (busy), so reads and writes inside the scope use the scope's session.
/// </para>
/// </summary>
public sealed class RecordScope : IAsyncDisposable
{
    /// <summary>
    /// How deeply record writes may nest (a hook whose crm.update fires the same hook again). Far below a stack
    /// overflow: each level is a Jint engine and a blocked host call on the same thread.
    /// </summary>
    public const int MaxDepth = 8;

    private static readonly AsyncLocal<RecordScope?> Ambient = new();

    private readonly TenantRuntime _runtime;
    private readonly RecordScope? _root;
    private readonly RecordScope? _previous;
    private readonly List<RecordChange> _changes = [];
    private RecordSession? _session;
    private int _depth;
    private bool _disposed;

    private RecordScope(TenantRuntime runtime, RecordScope? root, RecordScope? previous)
    {
        _runtime = runtime;
        _root = root;
        _previous = previous;
    }

    /// <summary>True when this call joined an enclosing unit of work (it neither commits nor publishes).</summary>
    public bool IsNested => _root is not null;

    /// <summary>How many writes enclose this one (0 for the outermost).</summary>
    public int Depth { get; private init; }

    private RecordScope Root => _root ?? this;

    /// <summary>
    /// Joins the open unit of work of this tenant, or begins one. Synchronous on purpose: an AsyncLocal set inside an
    /// async method is undone when it returns, so the caller's own method must set it.
    /// </summary>
    public static RecordScope Begin(TenantRuntime runtime)
    {
        if (Current(runtime) is { } root)
        {
            if (root._depth >= MaxDepth) throw new RecordScopeDepthException(MaxDepth);
            root._depth++;
            return new RecordScope(runtime, root, null) { Depth = root._depth };
        }
        var scope = new RecordScope(runtime, null, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>The open unit of work of this tenant on the current flow, if any.</summary>
    private static RecordScope? Current(TenantRuntime runtime) =>
        Ambient.Value is { _disposed: false } open && open._runtime.Id == runtime.Id ? open : null;

    /// <summary>True when the current flow's unit of work of this tenant has opened its write transaction.</summary>
    internal static bool HoldsWriteSession(TenantRuntime runtime) => Current(runtime) is { _session: not null };

    /// <summary>The scope's write transaction, opened by whoever first needs it.</summary>
    public async Task<RecordSession> SessionAsync(CancellationToken ct)
    {
        var root = Root;
        ObjectDisposedException.ThrowIf(root._disposed, this);
        return root._session ??= await root._runtime.Store.OpenAsync(write: true, ct);
    }

    /// <summary>
    /// Runs a read on the open unit of work's session (so it sees what the unit wrote), or on a read session of its own
    /// when none is open.
    /// </summary>
    public static async Task<T> ReadAsync<T>(TenantRuntime runtime, Func<RecordSession, Task<T>> read, CancellationToken ct)
    {
        if (Current(runtime) is { _session: { } shared }) return await read(shared);
        await using var session = await runtime.Store.OpenAsync(write: false, ct);
        return await read(session);
    }

    /// <summary>
    /// Ends this part of the unit: a nested part hands its changes to the outermost and returns none; the outermost
    /// commits and returns every change of the unit, to publish after the commit.
    /// </summary>
    public async Task<IReadOnlyList<RecordChange>> CommitAsync(IEnumerable<RecordChange> changes, CancellationToken ct)
    {
        var root = Root;
        root._changes.AddRange(changes);
        if (IsNested) return [];
        if (_session is not null) await _session.CommitAsync(ct);
        var all = _changes.ToList();
        _changes.Clear();
        return all;
    }

    /// <summary>Not async: restoring the AsyncLocal must happen in the caller's flow. Uncommitted work rolls back.</summary>
    public ValueTask DisposeAsync()
    {
        if (_disposed) return ValueTask.CompletedTask;
        _disposed = true;
        if (_root is not null)
        {
            _root._depth--;
            return ValueTask.CompletedTask;
        }
        if (ReferenceEquals(Ambient.Value, this)) Ambient.Value = _previous;
        var session = _session;
        _session = null;
        return session?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
