using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Platform.Api.Problems;
using Platform.Records.Writing;

namespace Platform.Api.Records;

/// <summary>The Idempotency-Key header of a create or a bulk batch.</summary>
internal static class IdempotencyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>
    /// The request's key with a hash of what it asks for (<paramref name="operation"/>, e.g. the entity, and the body):
    /// the same key with another entity, route or body is refused rather than replayed. Null without a key; a problem
    /// when the key is too long.
    /// </summary>
    public static (IdempotencyRequest? Request, IResult? Problem) Read(HttpContext http, string operation, ReadOnlySpan<byte> body)
    {
        var key = http.Request.Headers[Name].ToString();
        if (string.IsNullOrEmpty(key)) return (null, null);
        if (key.Length > MaxLength) return (null, ProblemResults.BadRequest($"The {Name} header is longer than {MaxLength} characters."));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(operation + "\n"));
        hash.AppendData(body);
        return (new IdempotencyRequest(key, Convert.ToHexStringLower(hash.GetHashAndReset())), null);
    }

    public static void MarkReplayed(HttpContext http) => http.Response.Headers["Idempotent-Replayed"] = "true";
}
