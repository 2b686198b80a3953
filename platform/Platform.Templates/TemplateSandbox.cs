using Scriban;
using Scriban.Syntax;

namespace Platform.Templates;

/// <summary>
/// What a parsed template may not contain, checked before it is cached or rendered: parse errors, and <c>import</c>
/// (which copies an object's members into scope: with models made of script objects it reaches nothing of .NET, but
/// nothing a template needs either, so it is refused outright).
/// </summary>
internal static class TemplateSandbox
{
    public static void Check(Template template, string name)
    {
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new TemplateException(error.Span.FileName ?? name, error.Span.Start.Line + 1, error.Span.Start.Column + 1, error.Message);
        }
        if (Find<ScriptImportStatement>(template.Page) is { } import)
            throw new TemplateException(name, import.Span.Start.Line + 1, import.Span.Start.Column + 1, "'import' is not allowed in templates.");
    }

    private static T? Find<T>(ScriptNode? node) where T : ScriptNode
    {
        if (node is null) return null;
        if (node is T found) return found;
        for (var i = 0; i < node.ChildrenCount; i++)
            if (Find<T>(node.GetChildren(i)) is { } child) return child;
        return null;
    }
}
