namespace Platform.Querying;

/// <summary>Thrown inside translation to give up on one option with a message for the client.</summary>
/// <param name="Parameter">The option to blame when it is not the one being translated (e.g. $expand within $select).</param>
internal sealed class QueryException(string message, string? parameter = null) : Exception(message)
{
    public string? Parameter { get; } = parameter;
}
