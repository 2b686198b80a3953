namespace Platform.Querying;

/// <summary>Why one query option was refused; <paramref name="Parameter"/> is the option's name, e.g. "$filter".</summary>
public sealed record QueryError(string Parameter, string Message);
