using System.Text.Json.Nodes;

namespace Platform.Workflows.Activities;

/// <summary>What an activity's execution ended with: outcomes to follow, a bookmark to wait on, or the end of the instance.</summary>
public sealed record ActivityResult
{
    public IReadOnlyList<string> Outcomes { get; private init; } = [];

    /// <summary>Set when the activity waits: the instance suspends until the bookmark is resumed.</summary>
    public BookmarkRequest? Bookmark => Bookmarks.Count > 0 ? Bookmarks[0] : null;

    /// <summary>The bookmarks to create; an activity may wait on several (an Approval: one per approver, plus its due timer).</summary>
    public IReadOnlyList<BookmarkRequest> Bookmarks { get; private init; } = [];

    /// <summary>
    /// Set when a resumed activity goes on waiting on the bookmarks it still has (a vote that does not decide an
    /// approval), plus any in <see cref="Bookmarks"/>.
    /// </summary>
    public bool KeepsWaiting { get; private init; }

    public bool Waits => KeepsWaiting || Bookmarks.Count > 0;

    /// <summary>The Finish activity: the instance ends now, pending branches and bookmarks are dropped.</summary>
    public bool FinishesInstance { get; private init; }

    /// <summary>What the journal keeps of the activity's result (kept short).</summary>
    public JsonNode? Output { get; init; }

    public static ActivityResult Done(JsonNode? output = null) => new() { Outcomes = [Ports.Done], Output = output };

    public static ActivityResult Outcome(string port, JsonNode? output = null) => new() { Outcomes = [port], Output = output };

    public static ActivityResult OutcomesOf(IReadOnlyList<string> ports, JsonNode? output = null) => new() { Outcomes = ports, Output = output };

    public static ActivityResult Wait(BookmarkRequest bookmark, JsonNode? output = null) => new() { Bookmarks = [bookmark], Output = output };

    public static ActivityResult WaitOn(IReadOnlyList<BookmarkRequest> bookmarks, JsonNode? output = null) => new() { Bookmarks = bookmarks, Output = output };

    public static ActivityResult KeepWaiting(IReadOnlyList<BookmarkRequest> more, JsonNode? output = null) => new() { Bookmarks = more, KeepsWaiting = true, Output = output };

    public static ActivityResult Finish(JsonNode? output = null) => new() { FinishesInstance = true, Output = output };
}

/// <summary>A bookmark to create; with <see cref="DueAt"/> it is a durable timer. <see cref="Id"/> lets the activity name it (an approval task's id).</summary>
public sealed record BookmarkRequest(string Name, DateTime? DueAt = null, Guid? Id = null);

/// <summary>An activity's deliberate failure (the Fault activity, a refused request): the instance faults with an incident.</summary>
public sealed class WorkflowActivityException(string message) : Exception(message);
