namespace Platform.Cli;

/// <summary>Where a command writes and where it reads environment variables from.</summary>
/// <param name="Out">Results: plans, summaries.</param>
/// <param name="Error">Definition errors, refusals and failures.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> GetEnvironmentVariable);
