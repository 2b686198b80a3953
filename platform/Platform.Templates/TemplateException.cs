namespace Platform.Templates;

/// <summary>
/// A template that could not be parsed or rendered: names the template (an included one when the error is inside it),
/// the 1-based line and column, and the limit when one was exceeded (<c>loop</c>, <c>recursion</c>, <c>time</c>,
/// <c>lookups</c>), so an administrator can find and fix it.
/// </summary>
public sealed class TemplateException(string template, int line, int column, string reason, string? limit = null, Exception? inner = null)
    : Exception($"{template}({line},{column}): {reason}", inner)
{
    public string Template { get; } = template;

    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>What went wrong, without the position prefix.</summary>
    public string Reason { get; } = reason;

    public string? Limit { get; } = limit;
}
