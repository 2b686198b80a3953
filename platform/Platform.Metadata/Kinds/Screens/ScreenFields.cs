using Platform.Metadata.Definitions;
using Platform.Metadata.FieldTypes;

namespace Platform.Metadata.Kinds.Screens;

/// <summary>How forms and views name fields: an entity's own fields and its system fields (owner, created_at...).</summary>
internal static class ScreenFields
{
    public static string? Problem(EntityDefinition entity, string field) =>
        entity.FindField(field) is not null || SystemFields.IsSystem(field) ? null : $"{entity.Name} has no field '{field}'";

    // By storage kind, so a plugin's numeric or date type (e.g. percent) can be summed or bucketed like the built-ins.
    public static bool IsNumber(FieldType type) => type.Descriptor.Storage is var kind && (kind == ValueKind.Integer || kind == ValueKind.Decimal);

    public static bool IsDate(FieldType type) => type.Descriptor.Storage is var kind && (kind == ValueKind.Date || kind == ValueKind.DateTime);

    /// <summary>The type of a field or system field (ids and dates of the system fields), null when unknown.</summary>
    public static FieldType? TypeOf(EntityDefinition entity, string field) => entity.FindField(field)?.Type ?? field switch
    {
        SystemFields.CreatedAt or SystemFields.ModifiedAt => FieldType.DateTime,
        SystemFields.RowVersion => FieldType.Integer,
        _ when SystemFields.IsSystem(field) => FieldType.Text,
        _ => null,
    };
}
