using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Platform.Templates;

/// <summary>
/// Renders tenant templates (email subjects and bodies, notifications, display names) with Scriban in a sandbox: only
/// the given model is reachable (script objects, no .NET members), includes come from the caller's templates folder,
/// and loops, recursion and time are bounded by <see cref="TemplateLimits"/>. Every failure is a
/// <see cref="TemplateException"/> naming the template, line and column.
/// </summary>
public sealed class TemplateRenderer(TemplateCache cache, TemplateLimits? limits = null)
{
    private readonly TemplateLimits _limits = limits ?? TemplateLimits.Default;

    public TemplateLimits Limits => _limits;

    /// <summary>Renders <paramref name="text"/>, known as <paramref name="name"/> in errors and in the tenant's cache.</summary>
    public async Task<string> RenderAsync(string tenant, string name, string text, TemplateModel model, ITemplateFiles? files, CancellationToken ct)
    {
        var template = cache.GetOrParse(tenant, name, text);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_limits.Timeout);
        var lookups = new LookupState(model.Records is not null);
        while (true)
        {
            var output = await RenderPassAsync(template, name, model, lookups, files, deadline.Token, ct);
            if (lookups.Pending.Count == 0) return output;
            // Each pass loads at least one new record and their number is bounded, so the passes end.
            if (lookups.LoadedCount + lookups.Pending.Count > _limits.MaxLookups)
                throw new TemplateException(name, 1, 1, $"The template reads more than {_limits.MaxLookups} related records.", "lookups");
            foreach (var (entity, id) in lookups.Pending.ToList())
                lookups.Add(entity, id, await LoadAsync(model.Records!, entity, id, name, deadline.Token, ct));
            lookups.Pending.Clear();
        }
    }

    /// <summary>Renders a file of the templates folder (e.g. <c>welcome.sbn</c> or <c>templates/welcome.sbn</c>).</summary>
    public async Task<string> RenderFileAsync(string tenant, string path, TemplateModel model, ITemplateFiles files, CancellationToken ct)
    {
        if (TemplatePaths.Normalize(path, out var refusal) is not { } relative)
            throw new TemplateException(path, 1, 1, $"Not a template path: {refusal}.");
        var text = await files.ReadAsync(relative, ct) ?? throw new TemplateException(path, 1, 1, "There is no such template.");
        return await RenderAsync(tenant, "templates/" + relative, text, model, files, ct);
    }

    private async Task<string> RenderPassAsync(
        Template template, string name, TemplateModel model, LookupState lookups, ITemplateFiles? files, CancellationToken deadline, CancellationToken ct)
    {
        var context = new TemplateContext(StringComparer.Ordinal)
        {
            LoopLimit = _limits.LoopLimit,
            RecursiveLimit = _limits.RecursiveLimit,
            LimitToString = _limits.LimitToString,
            // No property or method of a .NET value (a date's, a string's) is reachable; builtins (date.*, string.*) are.
            MemberFilter = _ => false,
            TemplateLoader = new IncludeLoader(files, deadline),
            CancellationToken = deadline,
            // A lookup not loaded yet (or a missing related record) reads as null: its members read as nothing too.
            EnableRelaxedTargetAccess = true,
        };
        context.PushGlobal(Globals(model, lookups));
        try
        {
            return await template.RenderAsync(context);
        }
        catch (ScriptRuntimeException error) when (error is ScriptAbortException || deadline.IsCancellationRequested)
        {
            ct.ThrowIfCancellationRequested();
            throw new TemplateException(error.Span.FileName ?? name, error.Span.Start.Line + 1, error.Span.Start.Column + 1,
                $"The template took longer than {_limits.Timeout.TotalSeconds:0.###} s.", "time", error);
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw new TemplateException(name, 1, 1, $"The template took longer than {_limits.Timeout.TotalSeconds:0.###} s.", "time", error);
        }
        catch (ScriptParserRuntimeException error) when (error.ParserMessages.FirstOrDefault(m => m.Type == Scriban.Parsing.ParserMessageType.Error) is { } first)
        {
            // An included template that does not parse: its own position, not the include's.
            throw new TemplateException(first.Span.FileName ?? name, first.Span.Start.Line + 1, first.Span.Start.Column + 1, first.Message, null, error);
        }
        catch (ScriptRuntimeException error)
        {
            var inner = Innermost(error);
            throw new TemplateException(inner.Span.FileName ?? name, inner.Span.Start.Line + 1, inner.Span.Start.Column + 1, inner.OriginalMessage, LimitOf(inner.OriginalMessage), error);
        }
        catch (TemplateException)
        {
            throw;
        }
    }

    private static ScriptRuntimeException Innermost(ScriptRuntimeException error)
    {
        // An error inside an include arrives wrapped; the innermost one has the included template's position.
        while (error.InnerException is ScriptRuntimeException inner) error = inner;
        return error;
    }

    private static string? LimitOf(string message) =>
        message.Contains("LoopLimit", StringComparison.OrdinalIgnoreCase) || message.Contains("iteration limit", StringComparison.OrdinalIgnoreCase) ? "loop"
        : message.Contains("recursive", StringComparison.OrdinalIgnoreCase) || message.Contains("RecursiveLimit", StringComparison.OrdinalIgnoreCase) ? "recursion"
        : null;

    private static async Task<TemplateRecord?> LoadAsync(ITemplateRecordLoader loader, string entity, Guid id, string name, CancellationToken deadline, CancellationToken ct)
    {
        try
        {
            return await loader.LoadAsync(entity, id, deadline);
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw new TemplateException(name, 1, 1, "The template took too long loading related records.", "time", error);
        }
    }

    private static ScriptObject Globals(TemplateModel model, LookupState lookups)
    {
        var globals = TemplateValues.Object(model.Variables ?? new Dictionary<string, object?>());
        globals.SetValue("record", model.Record is null ? null : new RecordScriptObject(model.Record, lookups), readOnly: true);
        globals.SetValue("user", model.User is null ? null : TemplateValues.Object(model.User), readOnly: true);
        return globals;
    }
}
