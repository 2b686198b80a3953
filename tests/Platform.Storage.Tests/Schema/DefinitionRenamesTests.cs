using Platform.Storage.Schema;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Schema;

public sealed class DefinitionRenamesTests
{
    private static readonly Metadata.Definitions.EntityDefinition Account = Entity("account", Text("name"), Text("city"));

    [Fact]
    public void A_declared_field_rename_is_found()
    {
        var target = Set(Account.Replace("city", Text("town") with { RenamedFrom = "city" }));

        var renames = DefinitionRenames.Find(Set(Account), target);

        Assert.Equal(new FieldRename("account", "city", "town"), Assert.Single(renames.Fields));
    }

    [Fact]
    public void A_renamed_from_naming_something_the_tenant_does_not_have_is_ignored()
    {
        var renamed = Account.Replace("city", Text("town") with { RenamedFrom = "city" });

        Assert.True(DefinitionRenames.Find(Set(renamed), Set(renamed)).IsEmpty);
        Assert.True(DefinitionRenames.Find(Set(Account.Without("city")), Set(renamed)).IsEmpty);
    }

    [Fact]
    public void A_rename_is_never_guessed()
    {
        var target = Set(Account.Replace("city", Text("town")));

        Assert.True(DefinitionRenames.Find(Set(Account), target).IsEmpty);
    }

    [Fact]
    public void Going_back_to_the_previous_definitions_undoes_a_declared_rename()
    {
        var current = Set(Account.Replace("city", Text("town") with { RenamedFrom = "city" }) with { Name = "company", RenamedFrom = "account" });

        var renames = DefinitionRenames.Find(current, Set(Account));

        Assert.Equal(new EntityRename("company", "account"), Assert.Single(renames.Entities));
        Assert.Equal(new FieldRename("account", "town", "city"), Assert.Single(renames.Fields));
    }

    [Fact]
    public void Renaming_an_entity_retargets_lookups_to_it_in_the_renamed_definitions()
    {
        var contact = Entity("contact", Lookup("account", "account"));
        var target = Set(Account with { Name = "company", RenamedFrom = "account" }, contact.WithField(Lookup("account", "company")));

        var renamed = DefinitionRenames.Find(Set(Account, contact), target).ApplyTo(Set(Account, contact));

        Assert.Equal("company", renamed.Find("contact")!.FindField("account")!.Target);
        Assert.True(renamed.Contains("company"));
    }
}
