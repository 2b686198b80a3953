using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class EntityRuleTests
{
    [Fact]
    public void A_valid_in_memory_set_has_no_errors()
    {
        var errors = DefinitionValidator.Validate([
            Module("crm", Entity("account", Field("name")) with { PrimaryField = "name" }),
            Module("sales", "1.0.0", DependsOn("crm", "^1.0.0"), Entity("opportunity", Lookup("account", "account"))),
        ]);

        Assert.Empty(errors);
    }

    [Fact]
    public void Duplicate_entity_names_are_reported_also_across_modules()
    {
        var errors = DefinitionValidator.Validate([
            Module("crm", Entity("account", Field("name"))),
            Module("sales", Entity("account", Field("title"))),
        ]);

        ErrorAssert.Single(errors, "sales/entities/account.json", "/name", "already defined in crm/entities/account.json");
    }

    [Fact]
    public void Entity_names_starting_with_the_platform_prefix_are_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Entity("platform_users", Field("name")))]);

        ErrorAssert.Single(errors, "crm/entities/platform_users.json", "/name", "reserved for the platform's own tables");
    }

    [Theory]
    [InlineData("sales__deal", "field", "/name")]
    [InlineData("deal", "sales__amount", "/fields/0/name")]
    public void Names_containing_a_double_underscore_are_reported(string entity, string field, string pointer)
    {
        var errors = DefinitionValidator.Validate([Module("crm", Entity(entity, Field(field)))]);

        ErrorAssert.Single(errors, $"crm/entities/{entity}.json", pointer, "contains '__'");
    }

    [Fact]
    public void Relation_names_containing_a_double_underscore_are_reported()
    {
        var entity = Entity("deal", Field("name")) with
        {
            Relations = [new RelationDefinition { Name = "deal__contacts", Type = RelationType.ManyToMany, Target = "deal" }],
        };

        var errors = DefinitionValidator.Validate([Module("crm", entity)]);

        ErrorAssert.Single(errors, "crm/entities/deal.json", "/relations/0/name", "contains '__'");
    }

    [Fact]
    public void Invalid_names_in_memory_are_reported_like_the_schema_does()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Entity("deal", Field("Close Date")))]);

        ErrorAssert.Single(errors, "crm/entities/deal.json", "/fields/0/name", "'Close Date' is not a valid field name");
    }

    [Fact]
    public void A_primary_field_that_is_not_a_field_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Entity("account", Field("name")) with { PrimaryField = "title" })]);

        ErrorAssert.Single(errors, "crm/entities/account.json", "/primaryField", "'title' is not a field of 'account'; expected one of name");
    }

    [Fact]
    public void An_entity_file_named_differently_from_its_entity_is_reported()
    {
        var module = Module("crm") with
        {
            Entities = [new SourcedDocument<EntityDefinition>("modules/crm/entities/customer.json", Entity("account", Field("name")))],
        };

        var errors = DefinitionValidator.Validate([module]);

        ErrorAssert.Single(errors, "modules/crm/entities/customer.json", "/name", "rename the file to 'account.json'");
    }

    [Fact]
    public void An_entity_renamed_from_a_current_entity_is_reported()
    {
        var errors = DefinitionValidator.Validate([
            Module("crm", Entity("account", Field("name")), Entity("customer", Field("name")) with { RenamedFrom = "account" }),
        ]);

        ErrorAssert.Single(errors, "crm/entities/customer.json", "/renamedFrom", "is the name of a current entity");
    }

    [Fact]
    public void Two_entities_renamed_from_the_same_name_are_reported()
    {
        var errors = DefinitionValidator.Validate([
            Module("crm", Entity("account", Field("name")) with { RenamedFrom = "company" }, Entity("customer", Field("name")) with { RenamedFrom = "company" }),
        ]);

        ErrorAssert.Single(errors, "crm/entities/customer.json", "/renamedFrom", "already claimed by crm/entities/account.json");
    }
}
