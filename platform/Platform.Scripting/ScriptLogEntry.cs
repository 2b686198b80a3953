namespace Platform.Scripting;

public sealed record ScriptLogEntry(string Level, string Message);
