using System.Text.Json;
using Platform.Api.Metadata;
using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.FieldTypes;
using Platform.Querying;
using Platform.Records.Validation;
using Platform.Runtime;

namespace Platform.Api.Views;

/// <summary>The body of a saved view: what the list screen changes (label, columns, filter, sort, board).</summary>
internal sealed record SavedViewBody
{
    public required LocalizedText Label { get; init; }
    public required IReadOnlyList<ViewColumn> Columns { get; init; }
    public string? Filter { get; init; }
    public IReadOnlyList<ViewSort> Sort { get; init; } = [];
    public ViewKanban? Kanban { get; init; }

    public const int MaxLabelLength = 200;

    /// <summary>Reads the body; a malformed one throws <see cref="JsonException"/> (the exception filter answers 400).</summary>
    public static async Task<SavedViewBody> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken ct) =>
        await JsonSerializer.DeserializeAsync<SavedViewBody>(request.Body, DefinitionJson.Options, ct)
        ?? throw new JsonException("The body is empty; send a view: {\"label\", \"columns\", \"filter\", \"sort\"}.");

    /// <summary>
    /// The problems of the view for this reader, as JSON pointers: every field it names must be the entity's and one
    /// the reader may see (columns) or reads in full (filter, sort, board); the filter must be a valid OData $filter.
    /// </summary>
    public IReadOnlyList<FieldError> Check(TenantRuntime runtime, ScreenAccess access, EntityDefinition entity)
    {
        var errors = new List<FieldError>();
        var labels = Label.Values.Values;
        if (labels.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > MaxLabelLength))
            errors.Add(new FieldError("/label", $"the label must be 1 to {MaxLabelLength} characters"));
        if (Columns.Count == 0) errors.Add(new FieldError("/columns", "a view shows at least one column"));
        for (var i = 0; i < Columns.Count; i++)
            if (Visible(access, entity, Columns[i].Field) is { } problem)
                errors.Add(new FieldError($"/columns/{i}/field", problem));
        for (var i = 0; i < Sort.Count; i++)
        {
            if (Sort[i].Direction is { } direction && direction is not ("asc" or "desc")) errors.Add(new FieldError($"/sort/{i}/direction", "asc or desc"));
            if (FullyReadable(access, entity, Sort[i].Field) is { } problem) errors.Add(new FieldError($"/sort/{i}/field", problem));
        }
        if (Filter is { } filter) errors.AddRange(CheckFilter(runtime, access, entity, filter));
        if (Kanban is { GroupBy: var groupBy })
        {
            if (FullyReadable(access, entity, groupBy) is { } groupProblem) errors.Add(new FieldError("/kanban/groupBy", groupProblem));
            else if (entity.FindField(groupBy)?.Type != FieldType.Choice) errors.Add(new FieldError("/kanban/groupBy", $"{groupBy} is not a choice field"));
            for (var i = 0; i < Kanban.CardFields.Count; i++)
                if (Visible(access, entity, Kanban.CardFields[i]) is { } cardProblem)
                    errors.Add(new FieldError($"/kanban/cardFields/{i}", cardProblem));
        }
        return errors;
    }

    public ViewDefinition ToDefinition(string id, string entity) => new()
    {
        Id = id, Entity = entity, Label = Label, Columns = Columns, Filter = string.IsNullOrWhiteSpace(Filter) ? null : Filter, Sort = Sort, Kanban = Kanban,
    };

    private static IEnumerable<FieldError> CheckFilter(TenantRuntime runtime, ScreenAccess access, EntityDefinition entity, string filter)
    {
        var translation = new ODataQueryTranslator(runtime.Model).Translate(entity.Name, QueryOptions.From([new("$filter", filter)]));
        if (!translation.Succeeded)
        {
            foreach (var error in translation.Errors) yield return new FieldError("/filter", error.Message);
            yield break;
        }
        foreach (var field in FilterFields.Named(filter))
            if (entity.FindField(field) is not null && !access.ReadsFully(entity.Name, field))
                yield return new FieldError("/filter", Unreadable(field));
    }

    private static string? Visible(ScreenAccess access, EntityDefinition entity, string field) =>
        Unknown(entity, field) ?? (access.Sees(entity.Name, field) ? null : Unreadable(field));

    private static string? FullyReadable(ScreenAccess access, EntityDefinition entity, string field) =>
        Unknown(entity, field) ?? (access.ReadsFully(entity.Name, field) ? null : Unreadable(field));

    private static string? Unknown(EntityDefinition entity, string field) =>
        entity.FindField(field) is not null || SystemFields.IsSystem(field) ? null : $"{entity.Name} has no field '{field}'";

    private static string Unreadable(string field) => $"you may not read the field '{field}' in full";
}
