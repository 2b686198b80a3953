using System.Text.Json.Nodes;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Loading;

/// <summary>The outcome of reading one document: the model when it is valid, and the parsed JSON when it parsed.</summary>
internal sealed record DocumentReadResult<T>(T? Document, JsonNode? Json, IReadOnlyList<DefinitionError> Errors) where T : class;
