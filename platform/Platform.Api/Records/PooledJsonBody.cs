using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Platform.Api.Records;

/// <summary>
/// A response body written into memory rented from the shared array pool and sent with its Content-Length, so
/// a page of records costs no growing copies and no final array. The memory goes back to the pool once sent.
/// </summary>
internal sealed class PooledJsonBody(int status, int initialSize) : IBufferWriter<byte>, IResult
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public async Task ExecuteAsync(HttpContext http)
    {
        try
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = RecordResponses.JsonContentType;
            http.Response.ContentLength = _written;
            await http.Response.Body.WriteAsync(_buffer.AsMemory(0, _written), http.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (the buffer may be replaced).</summary>
    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _written).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
