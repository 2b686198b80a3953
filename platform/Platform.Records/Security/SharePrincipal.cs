namespace Platform.Records.Security;

/// <summary>Whom a record is shared with: a user (by id) or a team (by name). Stored as "user:&lt;id&gt;" or "team:&lt;name&gt;".</summary>
public sealed record SharePrincipal(string Kind, string Name)
{
    public const string UserKind = "user";
    public const string TeamKind = "team";

    public static SharePrincipal User(Guid id) => new(UserKind, id.ToString("D"));

    public static SharePrincipal Team(string name) => new(TeamKind, name);

    public string Key => $"{Kind}:{Name}";

    /// <summary>The principals a record shared with the actor may have been shared with: the user and each of their teams.</summary>
    public static List<object?> KeysOf(RecordActor actor)
    {
        var keys = new List<object?>(actor.Teams.Count + 1);
        if (actor.UserId is { } id) keys.Add(User(id).Key);
        foreach (var team in actor.Teams) keys.Add(Team(team).Key);
        return keys;
    }
}
