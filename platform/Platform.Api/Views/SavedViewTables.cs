using Platform.Metadata.FieldTypes;
using Platform.Storage.Physical;

namespace Platform.Api.Views;

/// <summary>
/// Views saved from the list screen: a user's personal views (owner_id set) and a tenant's override of a shared view
/// document (owner_id null, view_id the document's id). The view itself is its document JSON in definition.
/// </summary>
public sealed class SavedViewTables : IPlatformTables
{
    public const string SavedViews = "platform_saved_views";

    public IReadOnlyList<TableModel> Tables { get; } =
    [
        new(SavedViews,
        [
            new("id", ValueKind.Guid, typeof(Guid), false),
            new("entity", ValueKind.String, typeof(string), false, MaxLength: 63),
            new("owner_id", ValueKind.Guid, typeof(Guid), true),
            new("view_id", ValueKind.String, typeof(string), true, MaxLength: 100),
            new("definition", ValueKind.String, typeof(string), false),
            new("row_version", ValueKind.Integer, typeof(long), false),
            new("modified_at", ValueKind.DateTime, typeof(DateTime), false),
            new("modified_by", ValueKind.Guid, typeof(Guid), true),
        ], ["id"],
        [
            // The list screen reads an entity's views per user; one override per shared view (nulls stay distinct).
            new IndexModel("ix_platform_saved_views_owner", ["entity", "owner_id"], false),
            new IndexModel("ux_platform_saved_views_shared", ["entity", "view_id"], true),
        ], []),
    ];
}
