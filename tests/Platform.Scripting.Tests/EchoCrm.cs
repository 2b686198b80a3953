namespace Platform.Scripting.Tests;

/// <summary>A crm that answers at once (writes echo their values), or, with <see cref="Hold"/>, waits until released.</summary>
internal sealed class EchoCrm : IScriptCrm
{
    /// <summary>When set, every call waits for it first (to keep a run inside a crm call for as long as a test needs).</summary>
    public TaskCompletionSource? Hold { get; init; }

    /// <summary>When set, every call takes this long (a slow database).</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Completed when the first call arrives.</summary>
    public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entity, Guid id, CancellationToken ct)
    {
        await WaitAsync(ct);
        return null;
    }

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string entity, string? filter, int? top, CancellationToken ct)
    {
        await WaitAsync(ct);
        return [];
    }

    public async Task<IReadOnlyDictionary<string, object?>> CreateAsync(string entity, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        await WaitAsync(ct);
        return values;
    }

    public async Task<IReadOnlyDictionary<string, object?>> UpdateAsync(string entity, Guid id, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        await WaitAsync(ct);
        return values;
    }

    public Task DeleteAsync(string entity, Guid id, CancellationToken ct) => WaitAsync(ct);

    private async Task WaitAsync(CancellationToken ct)
    {
        Called.TrySetResult();
        if (Hold is { } hold) await hold.Task.WaitAsync(ct);
        if (Delay is { } delay) await Task.Delay(delay, ct);
    }
}
