using System.Text.Json.Nodes;
using Platform.Identity.Users;

namespace Platform.Workflows.Activities.Approval;

/// <summary>
/// Turns approver entries, as evaluated, into active users of the tenant: <c>{"user": id or user name}</c>,
/// <c>{"role": name}</c> and <c>{"team": name}</c> (every active member), and what an expression answered — a user id, a
/// user (<c>manager(record.owner)</c>), a list of them, or null (nobody).
/// </summary>
public sealed class ApproverResolver(IReadOnlyList<PlatformUser> users)
{
    public static async Task<ApproverResolver> LoadAsync(ActivityContext context) =>
        new((await UserStore.ListAsync(context.Runtime.Store.Database, context.CancellationToken)).Where(u => u.IsActive).ToList());

    /// <summary>The users of one entry, in a stable order.</summary>
    public List<Guid> Resolve(JsonNode? entry)
    {
        switch (entry)
        {
            case null:
                return [];
            case JsonArray list:
                return list.SelectMany(Resolve).Distinct().ToList();
            case JsonValue value when value.TryGetValue<string>(out var text):
                return User(text);
            case JsonObject obj when obj["user"] is JsonValue user:
                return User((string?)user ?? "");
            case JsonObject obj when obj["role"] is JsonValue role:
                return users.Where(u => u.Roles.Contains((string?)role ?? "", StringComparer.Ordinal)).OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => u.Id).ToList();
            case JsonObject obj when obj["team"] is JsonValue team:
                return users.Where(u => u.Teams.Contains((string?)team ?? "", StringComparer.Ordinal)).OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => u.Id).ToList();
            case JsonObject obj when obj["id"] is JsonValue id:
                // A user as user(id) and manager(id) answer it.
                return User((string?)id ?? "");
            default:
                throw new WorkflowActivityException($"'{entry.ToJsonString()}' is not an approver: write {{\"user\"}}, {{\"role\"}}, {{\"team\"}} or {{\"expression\"}}.");
        }
    }

    /// <summary>The manager of a user, if they have an active one.</summary>
    public Guid? ManagerOf(Guid? user) =>
        users.FirstOrDefault(u => u.Id == user)?.ManagerId is { } manager && users.Any(u => u.Id == manager) ? manager : null;

    private List<Guid> User(string idOrName)
    {
        var found = Guid.TryParse(idOrName, out var id)
            ? users.FirstOrDefault(u => u.Id == id)
            : users.FirstOrDefault(u => string.Equals(u.UserName, idOrName, StringComparison.OrdinalIgnoreCase));
        return found is null ? [] : [found.Id];
    }
}
