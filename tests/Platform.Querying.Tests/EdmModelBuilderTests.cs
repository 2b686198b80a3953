using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Validation;
using Platform.Metadata.Definitions;
using Platform.Querying.Edm;
using Platform.Querying.Tests.Support;
using Platform.Storage.Physical;
using Platform.Storage.Providers;

namespace Platform.Querying.Tests;

public sealed class EdmModelBuilderTests
{
    private static readonly EdmQueryModel Model = EdmModelBuilder.Build(TestModel.Physical());

    [Fact]
    public void Each_entity_has_a_type_and_a_set_but_platform_tables_do_not()
    {
        Assert.Equal(["account", "item", "opportunity"], Model.Entities.Keys.Order().ToList());
        var container = Model.Model.EntityContainer;
        Assert.Equal(["account", "item", "opportunity"], container.EntitySets().Select(s => s.Name).Order().ToList());
        Assert.Null(Model.Model.FindDeclaredType("crm.platform_sequences"));
    }

    [Theory]
    [InlineData("id", "Edm.Guid", false)]
    [InlineData("name", "Edm.String", false)]
    [InlineData("description", "Edm.String", true)]
    [InlineData("amount", "Edm.Decimal", true)]
    [InlineData("score", "Edm.Int64", true)]
    [InlineData("is_won", "Edm.Boolean", true)]
    [InlineData("close_date", "Edm.Date", true)]
    [InlineData("closed_at", "Edm.DateTimeOffset", true)]
    [InlineData("stage", "Edm.String", true)]
    [InlineData("account", "Edm.Guid", true)]
    [InlineData("created_at", "Edm.DateTimeOffset", false)]
    [InlineData("modified_at", "Edm.DateTimeOffset", false)]
    [InlineData("created_by", "Edm.Guid", true)]
    [InlineData("modified_by", "Edm.Guid", true)]
    [InlineData("owner", "Edm.Guid", true)]
    [InlineData("row_version", "Edm.Int64", false)]
    public void Columns_become_structural_properties_of_their_value_kind(string name, string edmType, bool nullable)
    {
        var property = Assert.IsAssignableFrom<IEdmStructuralProperty>(Model.Find("opportunity")!.Type.FindProperty(name));
        Assert.Equal(edmType, property.Type.FullName());
        Assert.Equal(nullable, property.Type.IsNullable);
    }

    [Fact]
    public void Keys_text_lengths_and_decimal_facets_follow_the_definitions()
    {
        var type = Model.Find("opportunity")!.Type;
        Assert.Equal("id", Assert.Single(type.Key()).Name);
        Assert.Equal(FieldType.Text.Descriptor.MaxLength(new FieldDefinition { Name = "name", Type = FieldType.Text }), ((IEdmStringTypeReference)type.FindProperty("name").Type).MaxLength);
        Assert.True(((IEdmStringTypeReference)type.FindProperty("description").Type).IsUnbounded);
        var amount = (IEdmDecimalTypeReference)type.FindProperty("amount").Type;
        Assert.Equal((18, 2), (amount.Precision, amount.Scale));
        var probability = (IEdmDecimalTypeReference)type.FindProperty("probability").Type;
        Assert.Equal((5, 2), (probability.Precision, probability.Scale));
    }

    [Fact]
    public void Decimal_facets_are_the_same_on_every_provider()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer })
        {
            var amount = (IEdmDecimalTypeReference)EdmModelBuilder.Build(TestModel.Physical(provider)).Find("opportunity")!.Type.FindProperty("amount").Type;
            Assert.Equal((18, 2), (amount.Precision, amount.Scale));
        }
    }

    [Fact]
    public void Multichoice_is_a_collection_of_strings()
    {
        var tags = Model.Find("opportunity")!.Type.FindProperty("tags");
        Assert.True(tags.Type.IsCollection());
        Assert.Equal("Edm.String", tags.Type.AsCollection().ElementType().FullName());
    }

    [Fact]
    public void Lookups_keep_their_id_property_and_get_a_suffixed_navigation()
    {
        var binding = Model.Find("opportunity")!;
        Assert.IsAssignableFrom<IEdmStructuralProperty>(binding.Type.FindProperty("account"));
        var navigation = Assert.IsAssignableFrom<IEdmNavigationProperty>(binding.Type.FindProperty("account__ref"));
        Assert.Equal("crm.account", navigation.ToEntityType().FullName());
        Assert.Equal(EdmMultiplicity.ZeroOrOne, navigation.TargetMultiplicity());
        Assert.Equal("account", binding.LookupOf("account__ref"));
        Assert.True(binding.IsLookup("account"));
        Assert.False(binding.IsLookup("name"));
        Assert.Equal("account", binding.Set.FindNavigationTarget(navigation).Name);
    }

    [Fact]
    public void Required_lookups_point_at_exactly_one_record()
    {
        var set = TestModel.Build(TestModel.Field("main_account", FieldType.Lookup) with { Target = "account", Required = true });
        var navigation = (IEdmNavigationProperty)EdmModelBuilder.Build(PhysicalModelBuilder.Build(set, DatabaseProvider.Sqlite))
            .Find("opportunity")!.Type.FindProperty("main_account__ref");
        Assert.Equal(EdmMultiplicity.One, navigation.TargetMultiplicity());
    }

    [Fact]
    public void The_model_is_valid_edm() => Assert.True(Model.Model.Validate(out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));

    [Fact]
    public void Models_are_cached_per_definitions_and_provider()
    {
        // Two tenants with equal definitions build their physical models separately but share one EDM model.
        var first = EdmModelBuilder.GetOrBuild(PhysicalModelBuilder.Build(TestModel.Build(), DatabaseProvider.Sqlite));
        var second = EdmModelBuilder.GetOrBuild(PhysicalModelBuilder.Build(TestModel.Build(), DatabaseProvider.Sqlite));
        Assert.Same(first, second);

        var other = EdmModelBuilder.GetOrBuild(PhysicalModelBuilder.Build(TestModel.Build(TestModel.Field("extra", FieldType.Text)), DatabaseProvider.Sqlite));
        Assert.NotSame(first, other);
        Assert.NotNull(other.Find("opportunity")!.Type.FindProperty("extra"));
        Assert.Null(first.Find("opportunity")!.Type.FindProperty("extra"));

        Assert.NotSame(first, EdmModelBuilder.GetOrBuild(PhysicalModelBuilder.Build(TestModel.Build(), DatabaseProvider.Postgres)));
    }

    [Fact]
    public void Translators_share_the_cached_model()
    {
        var translator = new ODataQueryTranslator(PhysicalModelBuilder.Build(TestModel.Build(TestModel.Field("cached", FieldType.Text)), DatabaseProvider.Sqlite));
        Assert.True(translator.Translate("opportunity", new QueryOptions { Filter = "cached eq 'x'" }).Succeeded);
        Assert.Same(
            EdmModelBuilder.GetOrBuild(translator.Model),
            EdmModelBuilder.GetOrBuild(PhysicalModelBuilder.Build(TestModel.Build(TestModel.Field("cached", FieldType.Text)), DatabaseProvider.Sqlite)));
    }
}
