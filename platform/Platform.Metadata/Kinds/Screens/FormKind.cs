using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Screens;

/// <summary>forms/&lt;id&gt;.json: an entity's record form, every field, relation and condition checked against the entities.</summary>
public sealed class FormKind() : ScreenDocumentKind<FormDefinition>("form", document => document.Id)
{
    protected override IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<KindDocument<FormDefinition>> documents)
    {
        var errors = new List<DefinitionError>();
        var checkedForms = new List<KindDocument<FormDefinition>>();
        foreach (var form in documents)
        {
            if (context.CheckEntity(form.Module, form.Document.Entity) is { } problem)
            {
                errors.Add(form.Error("/entity", problem));
                continue;
            }
            // A module replaces the form of a module it depends on (sales' account form with opportunities); two
            // forms of one entity where neither module builds on the other would leave the choice to chance.
            if (checkedForms.FirstOrDefault(other => other.Document.Entity == form.Document.Entity && !Replaces(context, form, other) && !Replaces(context, other, form)) is { } rival)
                errors.Add(form.Error("/entity", $"entity '{form.Document.Entity}' already has the form '{rival.Document.Id}' ({rival.File}); " +
                    "a module may replace only the form of a module it depends on"));
            checkedForms.Add(form);
            if (context.FindEntity(form.Document.Entity) is { } entity) errors.AddRange(CheckForm(context, form, entity));
        }
        return errors;
    }

    private static bool Replaces(DocumentValidationContext context, KindDocument<FormDefinition> form, KindDocument<FormDefinition> other) =>
        form.Module.Id != other.Module.Id && context.DependsOn(form.Module, other.Module.Id);

    private static IEnumerable<DefinitionError> CheckForm(DocumentValidationContext context, KindDocument<FormDefinition> form, EntityDefinition entity)
    {
        var document = form.Document;
        for (var i = 0; i < document.Header.Count; i++)
            if (ScreenFields.Problem(entity, document.Header[i]) is { } problem) yield return form.Error($"/header/{i}", problem);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < document.Tabs.Count; t++)
        {
            var tab = document.Tabs[t];
            if (!ids.Add(tab.Id)) yield return form.Error($"/tabs/{t}/id", $"the id '{tab.Id}' is used twice in the form");
            for (var s = 0; s < tab.Sections.Count; s++)
            {
                var section = tab.Sections[s];
                var pointer = $"/tabs/{t}/sections/{s}";
                if (!ids.Add(section.Id)) yield return form.Error($"{pointer}/id", $"the id '{section.Id}' is used twice in the form");
                for (var r = 0; r < section.Rows.Count; r++)
                {
                    if (section.Rows[r].Count > (section.Columns ?? 2))
                        yield return form.Error($"{pointer}/rows/{r}", $"the row has {section.Rows[r].Count} fields but the section {section.Columns ?? 2} column");
                    for (var c = 0; c < section.Rows[r].Count; c++)
                        if (ScreenFields.Problem(entity, section.Rows[r][c]) is { } problem) yield return form.Error($"{pointer}/rows/{r}/{c}", problem);
                }
            }
        }

        for (var i = 0; i < document.RelatedLists.Count; i++)
            foreach (var error in CheckRelatedList(context, form, entity, document.RelatedLists[i], $"/relatedLists/{i}"))
                yield return error;

        if (document.StageBar is { } bar)
            foreach (var error in CheckStageBar(form, entity, bar)) yield return error;

        for (var i = 0; i < document.Rules.Count; i++)
        {
            var rule = document.Rules[i];
            foreach (var (pointer, comparison) in rule.When.Comparisons($"/rules/{i}/when"))
                foreach (var (at, message) in ConditionRules.Check(entity, comparison, pointer)) yield return form.Error(at, message);
            foreach (var (property, fields) in rule.Targets())
                for (var j = 0; j < fields.Count; j++)
                    if (ScreenFields.Problem(entity, fields[j]) is { } problem) yield return form.Error($"/rules/{i}/{property}/{j}", problem);
        }
    }

    private static IEnumerable<DefinitionError> CheckStageBar(KindDocument<FormDefinition> form, EntityDefinition entity, FormStageBar bar)
    {
        if (ScreenFields.Problem(entity, bar.Field) is { } problem)
        {
            yield return form.Error("/stageBar/field", problem);
            yield break;
        }
        if (entity.FindField(bar.Field) is not { Type: var type, Options: var options } || type != FieldType.Choice || options is null)
        {
            yield return form.Error("/stageBar/field", $"{entity.Name}.{bar.Field} is not a choice field; the stages are a choice field's options");
            yield break;
        }
        foreach (var (stage, definition) in bar.Stages)
        {
            if (options.All(o => o.Value != stage))
                yield return form.Error($"/stageBar/stages/{stage}", $"{bar.Field} has no option '{stage}'; options: {string.Join(", ", options.Select(o => o.Value))}");
            for (var i = 0; i < definition.Fields.Count; i++)
                if (ScreenFields.Problem(entity, definition.Fields[i]) is { } fieldProblem) yield return form.Error($"/stageBar/stages/{stage}/fields/{i}", fieldProblem);
        }
    }

    private static IEnumerable<DefinitionError> CheckRelatedList(
        DocumentValidationContext context, KindDocument<FormDefinition> form, EntityDefinition entity, RelatedList list, string pointer)
    {
        EntityDefinition? related;
        if (list.Relation is { } relationName)
        {
            var relation = entity.Relations.FirstOrDefault(r => r.Name == relationName);
            if (relation is null)
            {
                yield return form.Error($"{pointer}/relation", $"{entity.Name} has no relation '{relationName}'");
                yield break;
            }
            related = context.FindEntity(relation.Target);
        }
        else
        {
            var relatedName = list.Entity!;
            if (context.CheckEntity(form.Module, relatedName) is { } problem)
            {
                yield return form.Error($"{pointer}/entity", problem);
                yield break;
            }
            related = context.FindEntity(relatedName);
            if (related is null) yield break;
            var lookup = related.FindField(list.Lookup!);
            if (lookup is null)
                yield return form.Error($"{pointer}/lookup", $"{related.Name} has no field '{list.Lookup}'");
            else if (!lookup.Type.Descriptor.IsReference || lookup.Target != entity.Name)
                yield return form.Error($"{pointer}/lookup", $"{related.Name}.{lookup.Name} is not a lookup to {entity.Name}");
        }
        if (related is null) yield break;
        for (var c = 0; c < list.Columns.Count; c++)
            if (ScreenFields.Problem(related, list.Columns[c]) is { } problem) yield return form.Error($"{pointer}/columns/{c}", problem);
    }
}
