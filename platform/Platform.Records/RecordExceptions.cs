using Platform.Records.Validation;

namespace Platform.Records;

/// <summary>A record operation that cannot be done; the API turns each kind into a problem document.</summary>
public abstract class RecordException(string message) : Exception(message);

/// <summary>The body breaks field rules; every error is listed.</summary>
public sealed class RecordValidationException(IReadOnlyList<FieldError> errors)
    : RecordException($"The record is not valid: {string.Join("; ", errors.Take(5).Select(e => $"{e.Pointer}: {e.Message}"))}" +
                      (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

public sealed class RecordNotFoundException(string entity, Guid? id)
    : RecordException(id is null ? $"There is no entity '{entity}'." : $"There is no {entity} with id {id}.")
{
    public string Entity { get; } = entity;
    public Guid? Id { get; } = id;
}

/// <summary>The write conflicts with other data (a restrict lookup, a unique value, a reused idempotency key).</summary>
public sealed class RecordConflictException(string message, string? referencingEntity = null) : RecordException(message)
{
    public string? ReferencingEntity { get; } = referencingEntity;
}

/// <summary>The caller's row version is stale: someone else changed the record first.</summary>
public sealed class RecordConcurrencyException(string entity, Guid id, long? expected, long? actual)
    : RecordException($"The {entity} {id} was changed by someone else (you had version {expected}, it is now {actual}).")
{
    public long? CurrentVersion { get; } = actual;
}
