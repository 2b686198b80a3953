using Platform.Metadata.Kinds;
using Platform.Metadata.Validation;
using Platform.Templates;
using Platform.Workflows.Validation;

namespace Platform.Workflows.Templates;

/// <summary>
/// <c>templates/**/*.scriban</c> in a module: Scriban templates workflow inputs name (<c>{"template": "templates/x.scriban"}</c>)
/// and may include. Each is parsed with the renderer's own parse and sandbox checks when modules are validated, so a
/// syntax error is reported with its file, line and column; applying the module installs them for the tenant with the
/// rest of its definitions.
/// </summary>
public sealed class ModuleTemplateKind : TextDocumentKind
{
    public override string Name => "template";

    public override string Folder => TemplateReference.Folder;

    public override string Extension => TemplateReference.Extension;

    protected override IEnumerable<DefinitionError> Check(DocumentValidationContext context, IReadOnlyList<TextDocument> documents)
    {
        foreach (var document in documents)
        {
            if (TemplateReference.FilePath(document.Path) is null || TemplatePaths.Normalize(document.Path, out _) is null)
                yield return new DefinitionError(document.File, JsonPointer.Root,
                    $"'{document.Path}' is not a usable template name: letters, digits, '_', '-', '.' and '/' only, at most 200 characters");
            else if (WorkflowTemplateSyntax.Check(document.Text, document.Path) is { } problem)
                yield return new DefinitionError(document.File, JsonPointer.Root, $"line {problem.Line}, column {problem.Column}: {problem.Reason}");
        }
    }
}
