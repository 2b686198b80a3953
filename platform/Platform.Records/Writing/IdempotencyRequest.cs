namespace Platform.Records.Writing;

/// <summary>
/// An Idempotency-Key on a create. The response is rendered inside the write's transaction and stored with the
/// key, so a repeat gets exactly the first response.
/// </summary>
public sealed record IdempotencyRequest(string Key, string RequestHash, Func<IReadOnlyDictionary<string, object?>, string> RenderResponse);

/// <summary>A create answered from a stored first response.</summary>
public sealed record IdempotentReplay(int Status, string? Location, string Body);
