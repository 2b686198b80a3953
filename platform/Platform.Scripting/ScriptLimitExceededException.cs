namespace Platform.Scripting;

/// <summary>Thrown by host-side guards; a CLR exception, so scripts cannot catch it with try/catch.</summary>
public sealed class ScriptLimitExceededException(string limit, string message) : Exception(message)
{
    public string Limit { get; } = limit;
}
