namespace Platform.Tenancy;

/// <summary>
/// A tenant cannot be created as asked: its id is not valid, or its placement does not fit the host (a connection string
/// for a SQLite host, one that does not parse). An <see cref="ArgumentException"/>, as before it had a type of its own.
/// </summary>
public sealed class TenantRequestException(string message, string parameter, Exception? inner = null) : ArgumentException(message, parameter, inner);
