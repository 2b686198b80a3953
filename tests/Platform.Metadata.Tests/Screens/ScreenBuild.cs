using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Screens;
using Platform.Metadata.Kinds;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Screens;

/// <summary>A small CRM in memory for the screen rules: account, and deal with a lookup, a choice and a many-to-many relation.</summary>
internal static class ScreenBuild
{
    public static EntityDefinition Account => Entity("account", Field("name"), Choice("tier", FieldType.Choice, "vip", "regular")) with { PrimaryField = "name" };

    public static EntityDefinition Deal => Entity("deal",
            Field("name") with { Required = true }, Lookup("account", "account"), Choice("stage", FieldType.Choice, "open", "won"),
            Field("amount", FieldType.Currency), Field("close_date", FieldType.Date), Field("notes", FieldType.LongText)) with
        {
            PrimaryField = "name",
            Relations = [new RelationDefinition { Name = "partners", Type = RelationType.ManyToMany, Target = "account" }],
        };

    public static ModuleDefinition Crm(IEnumerable<FormDefinition>? forms = null, IEnumerable<ViewDefinition>? views = null)
    {
        var module = Module("crm", Account, Deal);
        module = StandardDocumentKinds.Form.WithDocuments(module, forms ?? []);
        return StandardDocumentKinds.View.WithDocuments(module, views ?? []);
    }

    public static FormDefinition Form(string entity = "deal", params IReadOnlyList<string>[] rows) => new()
    {
        Id = $"{entity}-form",
        Entity = entity,
        Tabs = [new FormTab { Id = "main", Label = new LocalizedText("Main"), Sections = [new FormSection { Id = "all", Rows = rows }] }],
    };

    public static ViewDefinition View(string id = "deals", string entity = "deal") => new()
    {
        Id = id, Entity = entity, Label = new LocalizedText("Deals"), Columns = [new ViewColumn { Field = "name" }],
    };
}
