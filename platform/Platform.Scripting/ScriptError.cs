namespace Platform.Scripting;

/// <summary>A script fault located in the script's own text. <see cref="Limit"/> names the limit when one was exceeded.</summary>
public sealed record ScriptError(string Script, int Line, int Column, string Message, ScriptErrorKind Kind, string? Limit = null)
{
    public override string ToString() => $"{Script}({Line},{Column}): {Message}";
}
