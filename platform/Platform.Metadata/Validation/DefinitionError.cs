namespace Platform.Metadata.Validation;

/// <summary>One problem in a definition document, located by file and RFC 6901 JSON pointer.</summary>
/// <param name="File">The document's path as given to the loader, or <c>&lt;moduleId&gt;/entities/&lt;name&gt;.json</c> for in-memory modules.</param>
/// <param name="Pointer">JSON pointer into the document, e.g. <c>/fields/2/options</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong, written for the consultant who edits the file.</param>
public sealed record DefinitionError(string File, string Pointer, string Message)
{
    public override string ToString() => $"{File}:{Pointer}: {Message}";
}
