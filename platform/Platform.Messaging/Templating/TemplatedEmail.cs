using Platform.Messaging.Email;
using Platform.Templates;

namespace Platform.Messaging.Templating;

/// <summary>The templates of one email: a subject, and an HTML and/or a text body, each a file of the module's templates/ folder.</summary>
public sealed record EmailTemplates(string Subject, string? Html, string? Text);

/// <summary>
/// Renders an email's subject and bodies with the same model, into a message ready for <see cref="IEmailQueue"/> (the
/// workflow's SendEmail step: render, then enqueue in the step's transaction). The subject is one line: line breaks
/// in the rendered text become spaces.
/// </summary>
public static class TemplatedEmail
{
    public static async Task<EmailMessage> RenderAsync(
        TemplateRenderer renderer, string tenant, ITemplateFiles files, EmailTemplates templates, TemplateModel model,
        IReadOnlyList<string> to, IReadOnlyList<string>? cc, string? idempotencyKey, CancellationToken ct)
    {
        var subject = await renderer.RenderFileAsync(tenant, templates.Subject, model, files, ct);
        var html = templates.Html is null ? null : await renderer.RenderFileAsync(tenant, templates.Html, model, files, ct);
        var text = templates.Text is null ? null : await renderer.RenderFileAsync(tenant, templates.Text, model, files, ct);
        var oneLine = string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new EmailMessage(to, oneLine, html, text, cc, idempotencyKey);
    }
}
