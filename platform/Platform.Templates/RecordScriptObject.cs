using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Platform.Templates;

/// <summary>
/// A record in a template: its fields as read-only members, <c>id</c>, and each lookup field as the related record
/// (loaded only when a template reads it; see <see cref="LookupState"/>).
/// </summary>
internal sealed class RecordScriptObject : ScriptObject
{
    private readonly TemplateRecord _record;
    private readonly LookupState _lookups;

    public RecordScriptObject(TemplateRecord record, LookupState lookups) : base(StringComparer.Ordinal)
    {
        _record = record;
        _lookups = lookups;
        SetValue("id", record.Id.ToString(), readOnly: true);
        foreach (var (name, value) in record.Fields)
            if (!record.Lookups.ContainsKey(name)) SetValue(name, TemplateValues.From(value), readOnly: true);
    }

    public override bool Contains(string member) => _record.Lookups.ContainsKey(member) || base.Contains(member);


    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (!_record.Lookups.TryGetValue(member, out var target)) return base.TryGetValue(context, span, member, out value);
        value = Related(target, _record.Fields.GetValueOrDefault(member));
        return true;
    }

    private object? Related(string entity, object? idValue)
    {
        Guid? id = idValue switch
        {
            Guid guid => guid,
            string text when Guid.TryParse(text, out var parsed) => parsed,
            _ => null,
        };
        if (id is not { } related) return null;
        // Without a loader the related record is known by its id only.
        if (!_lookups.CanLoad) return TemplateValues.Object([new("id", related.ToString())]);
        if (_lookups.TryGet(entity, related, out var loaded)) return loaded;
        _lookups.Pending.Add((entity, related));
        return null;
    }
}
