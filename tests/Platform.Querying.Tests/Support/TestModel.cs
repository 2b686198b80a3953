using Platform.Metadata.Definitions;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Querying.Tests.Support;

/// <summary>The definitions the querying tests run against: accounts, opportunities with a field of every kind, and plain rows for paging.</summary>
public static class TestModel
{
    public static DefinitionSet Set { get; } = Build();

    public static PhysicalModel Physical(DatabaseProvider provider = DatabaseProvider.Sqlite) => PhysicalModelBuilder.Build(Set, provider);

    public static ODataQueryTranslator Translator(DatabaseProvider provider = DatabaseProvider.Sqlite) => new(Physical(provider));

    public static DefinitionSet Build(params FieldDefinition[] extraOpportunityFields)
    {
        var account = new EntityDefinition
        {
            Name = "account",
            PrimaryField = "name",
            Fields = [Field("name", FieldType.Text) with { Required = true }, Field("industry", FieldType.Choice) with { Options = Options("tech", "retail") }],
        };
        var opportunity = new EntityDefinition
        {
            Name = "opportunity",
            PrimaryField = "name",
            Fields =
            [
                Field("name", FieldType.Text) with { Required = true },
                Field("description", FieldType.LongText),
                Field("amount", FieldType.Currency),
                Field("probability", FieldType.Decimal) with { Precision = 5, Scale = 2 },
                Field("score", FieldType.Integer),
                Field("is_won", FieldType.Boolean),
                Field("close_date", FieldType.Date),
                Field("closed_at", FieldType.DateTime),
                Field("stage", FieldType.Choice) with { Options = Options("new", "won", "lost") },
                Field("tags", FieldType.MultiChoice) with { Options = Options("hot", "cold", "vip", "50%_off") },
                Field("email", FieldType.Email),
                Field("account", FieldType.Lookup) with { Target = "account" },
                .. extraOpportunityFields,
            ],
        };
        // Rows for paging and counting: a nullable integer with ties and nulls, and a few other sortable kinds.
        var item = new EntityDefinition
        {
            Name = "item",
            Fields =
            [
                Field("batch", FieldType.Text),
                Field("rank", FieldType.Integer),
                Field("label", FieldType.Text),
                Field("due", FieldType.Date),
                Field("price", FieldType.Decimal),
                Field("flag", FieldType.Boolean),
                Field("seen_at", FieldType.DateTime),
                Field("ref", FieldType.Lookup) with { Target = "account" },
            ],
        };
        return new DefinitionSet(
        [
            new ModuleDefinition
            {
                Manifest = new ModuleManifest { Id = "test", Version = "1.0.0" },
                Entities = new[] { account, opportunity, item }.Select(e => new SourcedDocument<EntityDefinition>($"entities/{e.Name}.json", e)).ToList(),
            },
        ]);
    }

    public static FieldDefinition Field(string name, FieldType type) => new() { Name = name, Type = type };

    private static IReadOnlyList<ChoiceOption> Options(params string[] values) => values.Select(v => new ChoiceOption { Value = v }).ToList();
}
