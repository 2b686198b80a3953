using Platform.Records.Outbox;

namespace Platform.OutboxCrashHost;

/// <summary>Appends one line per delivery: event id, tenant, entity, record id, kind and idempotency key.</summary>
public sealed class JournalConsumer(string path) : IOutboxConsumer
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => "journal";

    public async Task HandleAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        var e = delivery.Event;
        var line = $"{e.Id} {delivery.Runtime.Id} {e.Entity} {e.RecordId} {e.Kind} {delivery.IdempotencyKey}{Environment.NewLine}";
        await _gate.WaitAsync(ct);
        try
        {
            // Closed after each line: what a killed process appended is in the file.
            await File.AppendAllTextAsync(path, line, ct);
        }
        finally
        {
            _gate.Release();
        }
    }
}
