using System.Text.Json;

namespace Platform.Metadata.Kinds;

/// <summary>
/// A document of a registered kind as the module set keeps it (<see cref="Definitions.ModuleDefinition.Documents"/>):
/// its canonical JSON, so schema history, the definitions version and plan handle every kind alike without knowing its model.
/// </summary>
/// <param name="Path">The file's path in the module folder, e.g. <c>forms/account.json</c>.</param>
/// <param name="Content">The document as its model writes it (without <c>$schema</c>).</param>
/// <param name="SourceFile">The file it was loaded from, for error messages; null when built in memory.</param>
public sealed record StoredDocument(string Path, JsonElement Content, string? SourceFile = null);
