using System.Text.Json.Nodes;

namespace Platform.Workflows.Effects;

/// <summary>
/// Sends a workflow's email. The messaging feature (templates, email outbox) implements it at integration; until then
/// <see cref="CapturingWorkflowMailer"/> keeps what would be sent.
/// </summary>
public interface IWorkflowMailer
{
    Task SendAsync(WorkflowEmail email, CancellationToken ct);
}

/// <param name="Template">A template file of the tenant's modules, rendered with <paramref name="Model"/> by the mailer.</param>
public sealed record WorkflowEmail(string Tenant, Guid? InstanceId, IReadOnlyList<string> To, string? Subject, string? Body, string? Template, JsonObject Model);
