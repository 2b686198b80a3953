namespace Platform.Records.Validation;

/// <summary>One problem with a record body, located by a JSON pointer into that body.</summary>
public sealed record FieldError(string Pointer, string Message);
