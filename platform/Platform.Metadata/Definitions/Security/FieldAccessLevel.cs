using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions.Security;

/// <summary>How a role restricts one field; a field a role does not name is fully readable and writable.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldAccessLevel>))]
public enum FieldAccessLevel
{
    /// <summary>Read as a masked value (e.g. 138****1234); may still be written.</summary>
    [JsonStringEnumMemberName("masked")] Masked,
    /// <summary>Read in full, never written.</summary>
    [JsonStringEnumMemberName("readOnly")] ReadOnly,
    /// <summary>Neither read nor written; left out of responses.</summary>
    [JsonStringEnumMemberName("hidden")] Hidden,
}
