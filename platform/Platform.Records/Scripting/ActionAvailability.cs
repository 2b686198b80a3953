using Platform.Metadata.Definitions;
using Platform.Records.Security;

namespace Platform.Records.Scripting;

/// <summary>
/// Who may be offered an action with an availableWhen, by the principle forms' rules follow: a condition is decided only
/// for a caller who reads every field it names in full. For anyone else (a field masked or hidden for them) the action
/// is unavailable whatever the record holds, so neither the button nor the route's answer reveals the value, and nothing
/// is decided on a masked placeholder or an absent field as if it were the value.
/// </summary>
public static class ActionAvailability
{
    /// <summary>The fields the action's condition names that the caller does not read in full; empty when it may be decided.</summary>
    public static IReadOnlyList<string> UnreadFields(ActionDefinition action, EntityAccess access) =>
        action.AvailableWhen is not { } when
            ? []
            : when.Comparisons("").Select(c => c.Comparison.Field!).Where(f => access.Field(f).Read != FieldRead.Full)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether the caller may use the action at all (its condition, if any, is then decided on the stored record).</summary>
    public static bool Decidable(ActionDefinition action, EntityAccess access) => UnreadFields(action, access).Count == 0;
}
