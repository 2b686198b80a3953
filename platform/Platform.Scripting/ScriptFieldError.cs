namespace Platform.Scripting;

/// <summary>An <c>errors.add(field, message)</c> call: rejects the save like a validation error.</summary>
public sealed record ScriptFieldError(string Field, string Message);
