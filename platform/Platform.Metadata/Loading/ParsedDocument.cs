using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace Platform.Metadata.Loading;

/// <summary>
/// A syntactically valid document in the two trees it is needed as: NJsonSchema validates Newtonsoft tokens,
/// the definition model is read with System.Text.Json.
/// </summary>
internal sealed record ParsedDocument(JToken Token, JsonNode Node);
