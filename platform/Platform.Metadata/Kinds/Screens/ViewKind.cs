using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Validation;

namespace Platform.Metadata.Kinds.Screens;

/// <summary>views/&lt;id&gt;.json: a list view of an entity, its columns, sort, kanban field and aggregates checked against the entity.</summary>
public sealed class ViewKind() : ScreenDocumentKind<ViewDefinition>("view", document => document.Id)
{
    protected override IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<KindDocument<ViewDefinition>> documents)
    {
        var errors = new List<DefinitionError>();
        var defaults = new Dictionary<string, KindDocument<ViewDefinition>>(StringComparer.Ordinal);
        foreach (var view in documents)
        {
            if (context.CheckEntity(view.Module, view.Document.Entity) is { } problem)
            {
                errors.Add(view.Error("/entity", problem));
                continue;
            }
            if (view.Document.Default && !defaults.TryAdd(view.Document.Entity, view))
                errors.Add(view.Error("/default", $"entity '{view.Document.Entity}' already has the default view '{defaults[view.Document.Entity].Document.Id}' ({defaults[view.Document.Entity].File})"));
            if (context.FindEntity(view.Document.Entity) is { } entity) errors.AddRange(CheckView(view, entity));
        }
        return errors;
    }

    private static IEnumerable<DefinitionError> CheckView(KindDocument<ViewDefinition> view, EntityDefinition entity)
    {
        var document = view.Document;
        for (var i = 0; i < document.Columns.Count; i++)
            if (ScreenFields.Problem(entity, document.Columns[i].Field) is { } problem) yield return view.Error($"/columns/{i}/field", problem);
        for (var i = 0; i < document.Sort.Count; i++)
            if (ScreenFields.Problem(entity, document.Sort[i].Field) is { } problem) yield return view.Error($"/sort/{i}/field", problem);
        if (document.Kanban is { GroupBy: var groupBy })
        {
            if (ScreenFields.Problem(entity, groupBy) is { } problem) yield return view.Error("/kanban/groupBy", problem);
            else if (entity.FindField(groupBy)?.Type != FieldType.Choice) yield return view.Error("/kanban/groupBy", $"{entity.Name}.{groupBy} is not a choice field; a board's columns are a choice field's options");
            for (var i = 0; i < document.Kanban.CardFields.Count; i++)
                if (ScreenFields.Problem(entity, document.Kanban.CardFields[i]) is { } cardProblem) yield return view.Error($"/kanban/cardFields/{i}", cardProblem);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Aggregates.Count; i++)
        {
            var aggregate = document.Aggregates[i];
            var pointer = $"/aggregates/{i}";
            if (!ids.Add(aggregate.Id)) yield return view.Error($"{pointer}/id", $"the aggregate id '{aggregate.Id}' is used twice in the view");
            for (var j = 0; j < aggregate.GroupBy.Count; j++)
                if (CheckGroupBy(entity, aggregate.GroupBy[j]) is { } problem) yield return view.Error($"{pointer}/groupBy/{j}", problem);
            for (var j = 0; j < aggregate.Measures.Count; j++)
                if (CheckMeasure(entity, aggregate.Measures[j]) is var (property, problem))
                    yield return view.Error($"{pointer}/measures/{j}{property}", problem);
        }
    }

    private static string? CheckGroupBy(EntityDefinition entity, string groupBy)
    {
        var parts = groupBy.Split(':');
        if (ScreenFields.Problem(entity, parts[0]) is { } problem) return problem;
        if (parts.Length > 1 && ScreenFields.TypeOf(entity, parts[0]) is { } type && !ScreenFields.IsDate(type))
            return $"only date and date-time fields are bucketed by {parts[1]}; {parts[0]} is not one";
        return null;
    }

    private static (string Property, string Problem)? CheckMeasure(EntityDefinition entity, ViewMeasure measure)
    {
        if (measure.Field is not { } field)
            return measure.Fn == "count" ? null : ("", $"'{measure.Fn}' needs a field");
        if (ScreenFields.Problem(entity, field) is { } problem) return ("/field", problem);
        var type = ScreenFields.TypeOf(entity, field);
        return measure.Fn switch
        {
            "sum" or "avg" when type is not { } t || !ScreenFields.IsNumber(t) => ("/fn", $"'{measure.Fn}' needs a number field; {field} is not one"),
            "min" or "max" when type is not { } t || !(ScreenFields.IsNumber(t) || ScreenFields.IsDate(t)) => ("/fn", $"'{measure.Fn}' needs a number or date field; {field} is neither"),
            _ => null,
        };
    }
}
