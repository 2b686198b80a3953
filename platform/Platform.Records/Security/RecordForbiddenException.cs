namespace Platform.Records;

/// <summary>
/// The user may see the record (or entity) but lacks the privilege for this operation: answered 403. A record the
/// user may not even read is answered as not found (404), so its existence is not revealed.
/// </summary>
/// <param name="entity">The entity out of reach when it is not the one the request names (a delete's cascade child).</param>
public sealed class RecordForbiddenException(string message, string? entity = null) : RecordException(message)
{
    public string? Entity { get; } = entity;
}

/// <summary>A list request the user may not make (a filter or sort on a field hidden or masked for them): answered 400.</summary>
public sealed class RecordQueryRefusedException(string parameter, string message) : RecordException(message)
{
    public string Parameter { get; } = parameter;
}
