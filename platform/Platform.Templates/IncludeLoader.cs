using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Platform.Templates;

/// <summary>
/// Scriban's loader for <c>include</c>: names are checked by <see cref="TemplatePaths"/> and read through the caller's
/// <see cref="ITemplateFiles"/>; included text is checked by <see cref="TemplateSandbox"/> like the template itself.
/// Without files every include is refused.
/// </summary>
internal sealed class IncludeLoader(ITemplateFiles? files, CancellationToken ct) : ITemplateLoader
{
    private const string Folder = "templates/";

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (files is null) throw new ScriptRuntimeException(callerSpan, $"Cannot include '{templateName}': this template may not include others.");
        if (TemplatePaths.Normalize(templateName, out var refusal) is not { } path)
            throw new ScriptRuntimeException(callerSpan, $"Cannot include '{templateName}': {refusal}.");
        return Folder + path;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        // Scriban's include is synchronous even in an async rendering; the module's files are local.
        LoadAsync(context, callerSpan, templatePath).AsTask().GetAwaiter().GetResult()!;

    public async ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        var text = await files!.ReadAsync(templatePath[Folder.Length..], ct)
                   ?? throw new ScriptRuntimeException(callerSpan, $"Cannot include '{templatePath}': there is no such template.");
        TemplateSandbox.Check(Template.Parse(text, templatePath), templatePath);
        return text;
    }
}
