using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Definitions.Security;
using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Api.Metadata;

/// <summary>
/// Forms, views and navigation as one reader may see them: entities they cannot read are left out, fields they cannot
/// read are removed, and what would filter, sort, group or decide on a field they do not read in full (a masked one)
/// is dropped — the list API refuses such queries, and a form rule deciding on a masked value would decide wrongly.
/// </summary>
internal sealed class ScreenAccess(TenantRuntime runtime, RecordActor actor)
{
    private readonly Dictionary<string, EntityAccess> _access = new(StringComparer.Ordinal);

    public bool CanRead(string entity) =>
        runtime.FindEntity(entity) is not null && Access(entity).Scope(Privilege.Read) != PrivilegeScope.None;

    /// <summary>Whether the reader sees the field's value at all (masked or in full).</summary>
    public bool Sees(string entity, string field) => Access(entity).Field(field).Read != FieldRead.None;

    /// <summary>Whether the reader reads the field in full, so it may filter, sort and group by it.</summary>
    public bool ReadsFully(string entity, string field) => Access(entity).Field(field).Read == FieldRead.Full;

    public FormDefinition Form(FormDefinition form)
    {
        var entity = form.Entity;
        return form with
        {
            Header = form.Header.Where(f => Sees(entity, f)).ToList(),
            Tabs = form.Tabs.Select(tab => tab with
            {
                Sections = tab.Sections.Select(section => section with
                {
                    Rows = section.Rows.Select(row => (IReadOnlyList<string>)row.Where(f => Sees(entity, f)).ToList()).Where(row => row.Count > 0).ToList(),
                }).ToList(),
            }).ToList(),
            RelatedLists = form.RelatedLists.Select(list => RelatedList(entity, list)).OfType<RelatedList>().ToList(),
            Rules = form.Rules.Select(rule => Rule(entity, rule)).OfType<FormRule>().ToList(),
            // The bar decides on its field's value, so a reader who does not read it in full gets no bar.
            StageBar = form.StageBar is { } bar && ReadsFully(entity, bar.Field)
                ? bar with { Stages = bar.Stages.ToDictionary(s => s.Key, s => s.Value with { Fields = s.Value.Fields.Where(f => Sees(entity, f)).ToList() }) }
                : null,
        };
    }

    public ViewDefinition? View(ViewDefinition view)
    {
        var entity = view.Entity;
        if (view.Filter is { } filter && FilterFields.Named(filter).Any(f => runtime.FindEntity(entity)?.FindField(f) is not null && !ReadsFully(entity, f)))
            return null;
        var columns = view.Columns.Where(c => Sees(entity, c.Field)).ToList();
        if (columns.Count == 0) return null;
        return view with
        {
            Columns = columns,
            Sort = view.Sort.Where(s => ReadsFully(entity, s.Field)).ToList(),
            Kanban = view.Kanban is { } kanban && ReadsFully(entity, kanban.GroupBy) ? kanban with { CardFields = kanban.CardFields.Where(f => Sees(entity, f)).ToList() } : null,
            Aggregates = view.Aggregates
                .Where(a => a.GroupBy.All(g => ReadsFully(entity, g.Split(':')[0])))
                .Select(a => a with { Measures = a.Measures.Where(m => m.Field is null || ReadsFully(entity, m.Field)).ToList() })
                .Where(a => a.Measures.Count > 0)
                .ToList(),
        };
    }

    private RelatedList? RelatedList(string entity, RelatedList list)
    {
        string related;
        if (list.Relation is { } relation)
        {
            if (runtime.FindEntity(entity)?.Relations.FirstOrDefault(r => r.Name == relation) is not { } found) return null;
            related = found.Target;
        }
        else
        {
            related = list.Entity!;
            // The list is the related records whose lookup is this record: a query on that field.
            if (!CanRead(related) || !ReadsFully(related, list.Lookup!)) return null;
        }
        if (!CanRead(related)) return null;
        var columns = list.Columns.Where(c => Sees(related, c)).ToList();
        return columns.Count == 0 ? null : list with { Columns = columns };
    }

    private FormRule? Rule(string entity, FormRule rule)
    {
        if (rule.When.Comparisons("").Any(c => !ReadsFully(entity, c.Comparison.Field!))) return null;
        List<string>? Keep(IReadOnlyList<string>? fields) => fields?.Where(f => Sees(entity, f)).ToList() is { Count: > 0 } kept ? kept : null;
        var trimmed = rule with { Visible = Keep(rule.Visible), Required = Keep(rule.Required), ReadOnly = Keep(rule.ReadOnly) };
        return trimmed.Targets().Any() ? trimmed : null;
    }

    private EntityAccess Access(string entity)
    {
        if (!_access.TryGetValue(entity, out var access)) _access[entity] = access = RecordService.AccessOf(runtime, actor, entity);
        return access;
    }
}
