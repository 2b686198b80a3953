using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Validation;
using Platform.Querying.Edm;
using Platform.Querying.Tests.Support;

namespace Platform.Querying.Tests;

/// <summary>The $metadata model as one reader sees it: lookups become navigation properties only where the reader sees both ends.</summary>
public sealed class EdmReaderModelTests
{
    private static readonly EdmQueryModel Source = EdmModelBuilder.Build(TestModel.Physical());
    private static readonly EdmEntitySight Everything = new(new HashSet<string>(), new HashSet<string>());

    [Fact]
    public void A_lookup_is_a_navigation_with_a_referential_constraint_on_its_id_and_the_model_validates()
    {
        var model = EdmReaderModel.Build(Source, _ => Everything);

        var opportunity = model.EntityContainer.FindEntitySet("opportunity");
        var navigation = Assert.Single(opportunity.EntityType.NavigationProperties());
        Assert.Equal("account__ref", navigation.Name);
        Assert.Equal("account", navigation.ToEntityType().Name);
        var constraint = Assert.Single(navigation.ReferentialConstraint.PropertyPairs);
        Assert.Equal(("account", "id"), (constraint.DependentProperty.Name, constraint.PrincipalProperty.Name));
        Assert.Equal("account", opportunity.FindNavigationTarget(navigation).Name);
        Assert.True(model.Validate(out var errors), string.Join("; ", errors));
    }

    [Fact]
    public void No_navigation_leads_to_an_entity_the_reader_may_not_read()
    {
        var model = EdmReaderModel.Build(Source, entity => entity == "account" ? null : Everything);

        Assert.Null(model.EntityContainer.FindEntitySet("account"));
        Assert.Empty(model.EntityContainer.FindEntitySet("opportunity").EntityType.NavigationProperties());
        Assert.NotNull(model.EntityContainer.FindEntitySet("opportunity").EntityType.FindProperty("account"));
        Assert.True(model.Validate(out var errors), string.Join("; ", errors));
    }

    [Fact]
    public void A_hidden_lookup_has_no_navigation_and_a_masked_one_may_lead_nowhere()
    {
        var hidden = EdmReaderModel.Build(Source, entity => entity == "opportunity" ? new EdmEntitySight(new HashSet<string> { "account" }, new HashSet<string>()) : Everything);
        var masked = EdmReaderModel.Build(Source, entity => entity == "opportunity" ? new EdmEntitySight(new HashSet<string>(), new HashSet<string> { "account" }) : Everything);

        Assert.Empty(hidden.EntityContainer.FindEntitySet("opportunity").EntityType.NavigationProperties());
        var navigation = Assert.Single(masked.EntityContainer.FindEntitySet("opportunity").EntityType.NavigationProperties());
        Assert.Equal(EdmMultiplicity.ZeroOrOne, navigation.TargetMultiplicity());
        Assert.True(hidden.Validate(out var errors), string.Join("; ", errors));
        Assert.True(masked.Validate(out errors), string.Join("; ", errors));
    }
}
