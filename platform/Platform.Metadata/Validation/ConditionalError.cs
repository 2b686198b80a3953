using NJsonSchema.Validation;

namespace Platform.Metadata.Validation;

/// <summary>An error of a conditional branch, with the branch's description to explain the rule.</summary>
internal sealed record ConditionalError(ValidationError Error, string? Hint);
