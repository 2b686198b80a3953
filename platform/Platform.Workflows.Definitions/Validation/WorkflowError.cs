namespace Platform.Workflows.Validation;

/// <summary>One problem in a workflow document: the file, the JSON pointer of the offending value, and why.</summary>
public sealed record WorkflowError(string File, string Pointer, string Message)
{
    public override string ToString() => $"{File}#{Pointer}: {Message}";
}
