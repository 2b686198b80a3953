using System.Text.Json.Serialization;

namespace Platform.Metadata.Definitions.Security;

/// <summary>
/// Which records a privilege reaches, narrowest first (as in Dataverse): the user's own, those owned by the user or a
/// member of one of the user's teams, those of the user's business unit (optionally with its descendants), or all.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrivilegeScope>))]
public enum PrivilegeScope
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("own")] Own,
    [JsonStringEnumMemberName("team")] Team,
    [JsonStringEnumMemberName("businessUnit")] BusinessUnit,
    [JsonStringEnumMemberName("businessUnitAndChildren")] BusinessUnitAndChildren,
    [JsonStringEnumMemberName("tenant")] Tenant,
}
