using Platform.Records;
using Platform.Runtime;
using Platform.Templates;

namespace Platform.Messaging.Templating;

/// <summary>
/// Loads the records a template reaches through lookups via <see cref="RecordService"/>, as <paramref name="actor"/>:
/// a record the actor may not read renders as nothing, and fields hidden from them are left out, as in the API.
/// </summary>
public sealed class RecordTemplateLoader(RecordService records, TenantRuntime runtime, RecordActor actor) : ITemplateRecordLoader
{
    public async ValueTask<TemplateRecord?> LoadAsync(string entity, Guid id, CancellationToken ct)
    {
        if (runtime.FindEntity(entity) is null) return null;
        try
        {
            var row = await records.GetAsync(runtime, entity, id, actor, ct);
            return TemplateRecords.From(runtime, entity, row);
        }
        catch (Exception exception) when (exception is RecordNotFoundException or RecordForbiddenException)
        {
            return null;
        }
    }
}
