using System.Text.RegularExpressions;

namespace Platform.Workflows.Templates;

/// <summary>
/// Tells a template file reference from inline template text: <c>{"template": "templates/welcome.scriban"}</c> names a
/// file of the tenant's installed modules, anything else is Scriban text rendered as written.
/// </summary>
public static partial class TemplateReference
{
    public const string Folder = "templates";
    public const string Extension = ".scriban";

    /// <summary>The file's path (<c>templates/welcome.scriban</c>) when <paramref name="text"/> is a file reference, else null.</summary>
    public static string? FilePath(string text) => FileReference().IsMatch(text.Trim()) ? text.Trim() : null;

    // One line, no spaces or Scriban braces, under templates/ and ending in .scriban: inline text never looks like this.
    [GeneratedRegex(@"^templates/[A-Za-z0-9_][A-Za-z0-9_./-]{0,190}\.scriban$")]
    private static partial Regex FileReference();
}
