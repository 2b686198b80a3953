using Platform.Templates;

namespace Platform.Workflows.Validation;

/// <summary>
/// Parses a template (a <c>{"template"}</c> input or a module's template file) with the renderer's own parse and
/// sandbox checks, so a template that cannot run is refused when it is saved rather than faulting an instance later.
/// </summary>
internal static class WorkflowTemplateSyntax
{
    // Its own small cache: validation must not fill a tenant's render cache with drafts.
    private static readonly TemplateCache Parsed = new(capacity: 500);

    /// <summary>The first problem with its 1-based line and column, or null when the template would run.</summary>
    public static TemplateException? Check(string text, string name = "template")
    {
        try
        {
            Parsed.GetOrParse("", name, text);
            return null;
        }
        catch (TemplateException problem)
        {
            return problem;
        }
    }
}
