namespace Platform.Records.Outbox;

/// <summary>
/// Event ids that sort in the order they were made within this process: UUIDv7s (time first), bumped past the last one
/// when the clock has not moved. Delivery claims oldest first by id, and a bulk write stamps all its events with one
/// instant, whose plain v7s would come out in random order.
/// </summary>
public static class OutboxEventIds
{
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    public static Guid Next(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(now).TryWriteBytes(bytes, bigEndian: true, out _);
        var candidate = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (Gate)
        {
            if (candidate <= _last) candidate = _last + 1;
            _last = candidate;
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, candidate);
        return new Guid(bytes, bigEndian: true);
    }
}
