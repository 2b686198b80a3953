using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class ReferenceRuleTests
{
    [Fact]
    public void A_lookup_target_that_is_not_an_entity_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Entity("contact", Field("name"), Lookup("account", "acount")))]);

        ErrorAssert.Single(errors, "crm/entities/contact.json", "/fields/1/target", "'acount' is not an entity of the loaded modules");
    }

    [Fact]
    public void A_relation_target_that_is_not_an_entity_is_reported()
    {
        var deal = Entity("deal", Field("name")) with
        {
            Relations = [new RelationDefinition { Name = "contacts", Type = RelationType.ManyToMany, Target = "contacts" }],
        };

        var errors = DefinitionValidator.Validate([Module("crm", deal)]);

        ErrorAssert.Single(errors, "crm/entities/deal.json", "/relations/0/target", "'contacts' is not an entity");
    }

    [Fact]
    public void A_lookup_into_a_module_that_is_not_a_dependency_names_the_missing_dependency()
    {
        var errors = DefinitionValidator.Validate([
            Module("crm-core", Entity("account", Field("name"))),
            Module("sales", Entity("opportunity", Lookup("account", "account"))),
        ]);

        ErrorAssert.Single(errors, "sales/entities/opportunity.json", "/fields/0/target",
            "entity 'account' belongs to module 'crm-core', which module 'sales' does not depend on; add \"crm-core\" to dependsOn in sales/module.json");
    }

    [Fact]
    public void A_relation_into_a_module_that_is_not_a_dependency_is_reported()
    {
        var deal = Entity("deal", Field("name")) with
        {
            Relations = [new RelationDefinition { Name = "accounts", Type = RelationType.ManyToMany, Target = "account" }],
        };

        var errors = DefinitionValidator.Validate([Module("crm-core", Entity("account", Field("name"))), Module("sales", deal)]);

        ErrorAssert.Single(errors, "sales/entities/deal.json", "/relations/0/target", "add \"crm-core\" to dependsOn");
    }

    [Fact]
    public void A_transitive_dependency_is_enough_for_a_lookup()
    {
        var errors = DefinitionValidator.Validate([
            Module("crm-core", Entity("account", Field("name"))),
            Module("crm-extra", "1.0.0", DependsOn("crm-core", "^1.0.0")),
            Module("sales", "1.0.0", DependsOn("crm-extra", "^1.0.0"), Entity("opportunity", Lookup("account", "account"))),
        ]);

        Assert.Empty(errors);
    }
}
