using Microsoft.AspNetCore.Http;
using Platform.Metadata.FieldTypes;
using Platform.Metadata.Validation;

namespace Platform.Api.Metadata;

/// <summary>
/// GET /metadata/schemas/{kind}: a document kind's JSON Schema ("entity", "module", "form"...) for editors, as the
/// validator applies it — the entity schema generated from the field-type registry at serve time, plugins' types included.
/// </summary>
internal static class DocumentSchemaEndpoint
{
    public static IResult Get(string kind, FieldTypeRegistry registry) =>
        SchemaDocuments.TryGetServedText(kind, registry, out var text)
            ? Results.Text(text, "application/schema+json; charset=utf-8")
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"There is no document kind '{kind}' with a JSON Schema; there are {string.Join(", ", SchemaDocuments.Names)}.");
}
