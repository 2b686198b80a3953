namespace Platform.Storage.Schema;

/// <summary>An entity (and so table) rename: declared by the target's <c>renamedFrom</c>, or the undoing of one.</summary>
public sealed record EntityRename(string From, string To);
