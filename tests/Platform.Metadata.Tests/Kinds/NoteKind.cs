using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Tests.Kinds;

/// <summary>A document kind declared outside Platform.Metadata, as a feature project (workflows, templates) declares one.</summary>
public sealed class NoteKind : DocumentKind<NoteDocument>
{
    public override string Name => "note";

    public override string Folder => "notes";

    public override string NameOf(NoteDocument document) => document.Name;

    protected override IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<KindDocument<NoteDocument>> documents)
    {
        foreach (var note in documents)
        {
            if (context.CheckEntity(note.Module, note.Document.Entity) is { } problem)
            {
                yield return note.Error("/entity", problem);
                continue;
            }
            var entity = context.FindEntity(note.Document.Entity);
            for (var i = 0; i < note.Document.Fields.Count; i++)
                if (entity?.FindField(note.Document.Fields[i]) is null)
                    yield return note.Error($"/fields/{i}", $"{note.Document.Entity} has no field '{note.Document.Fields[i]}'");
        }
    }
}

public sealed record NoteDocument
{
    public required string Name { get; init; }
    public required string Entity { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public string? Text { get; init; }
}
