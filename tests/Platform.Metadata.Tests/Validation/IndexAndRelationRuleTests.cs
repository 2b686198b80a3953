using Platform.Metadata.Definitions;
using Platform.Metadata.Validation;
using static Platform.Metadata.Tests.Build;

namespace Platform.Metadata.Tests.Validation;

public class IndexAndRelationRuleTests
{
    private const string File = "crm/entities/deal.json";

    private static EntityDefinition Deal => Entity("deal", Field("stage"), Field("close_date", FieldType.Date));

    private static IndexDefinition Index(params string[] fields) => new() { Fields = fields };

    private static RelationDefinition Relation(string name, string target) => new() { Name = name, Type = RelationType.ManyToMany, Target = target };

    [Fact]
    public void An_index_on_an_unknown_field_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Deal with { Indexes = [Index("stage", "closing_date")] })]);

        ErrorAssert.Single(errors, File, "/indexes/0/fields/1", "'closing_date' is not a field of 'deal'");
    }

    [Fact]
    public void An_index_on_a_system_field_is_accepted()
    {
        Assert.Empty(DefinitionValidator.Validate([Module("crm", Deal with { Indexes = [Index("stage", "created_at")] })]));
    }

    [Fact]
    public void A_duplicate_index_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Deal with { Indexes = [Index("stage", "close_date"), Index("stage"), Index("stage", "close_date")] })]);

        ErrorAssert.Single(errors, File, "/indexes/2", "duplicates /indexes/0");
    }

    [Fact]
    public void A_relation_named_like_a_field_is_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Deal with { Relations = [Relation("stage", "deal")] })]);

        ErrorAssert.Single(errors, File, "/relations/0/name", "same name as the field at /fields/0");
    }

    [Fact]
    public void Duplicate_relation_names_are_reported()
    {
        var errors = DefinitionValidator.Validate([Module("crm", Deal with { Relations = [Relation("related", "deal"), Relation("related", "deal")] })]);

        ErrorAssert.Single(errors, File, "/relations/1/name", "already defined at /relations/0");
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("shares")]
    [InlineData("share")]
    [InlineData("assign")]
    [InlineData("actions")]
    public void A_relation_named_like_a_record_sub_route_is_reported(string name)
    {
        var errors = DefinitionValidator.Validate([Module("crm", Deal with { Relations = [Relation(name, "deal")] })]);

        ErrorAssert.Single(errors, File, "/relations/0/name", $"'{name}' is a route every record has");
    }
}
