namespace Platform.Scripting;

public sealed record ScriptUser(string Id, string Name, IReadOnlyList<string> Roles);
