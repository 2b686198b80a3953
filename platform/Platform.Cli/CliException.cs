namespace Platform.Cli;

/// <summary>A failure the user can fix, reported as one line without a stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
