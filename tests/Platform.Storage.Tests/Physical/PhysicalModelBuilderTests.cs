using Platform.Storage.Physical;
using Platform.Storage.Providers;
using static Platform.Storage.Tests.Support.Defs;

namespace Platform.Storage.Tests.Physical;

public sealed class PhysicalModelBuilderTests
{
    [Fact]
    public void A_lookup_gets_its_own_index()
    {
        var table = PhysicalModelBuilder.Build(Set(Entity("account"), Entity("contact", Lookup("account", "account"))), DatabaseProvider.Sqlite).Table("contact");

        Assert.Contains(table.Indexes, i => i.Columns.SequenceEqual(["account"]));
    }

    [Fact]
    public void No_single_column_lookup_index_when_another_index_starts_with_that_column()
    {
        var contact = Entity("contact", Lookup("account", "account"), Text("name")).Indexed(false, "account", "name");

        var table = PhysicalModelBuilder.Build(Set(Entity("account"), contact), DatabaseProvider.Sqlite).Table("contact");

        Assert.DoesNotContain(table.Indexes, i => i.Columns.SequenceEqual(["account"]));
        Assert.Contains(table.Indexes, i => i.Columns.Take(2).SequenceEqual(["account", "name"]));
    }

    [Fact]
    public void A_declared_plain_index_carries_the_owning_business_unit_last_so_a_unit_scope_filters_inside_it()
    {
        var contact = Entity("contact", Text("name"), Text("city")).Indexed(false, "city", "name");

        var table = PhysicalModelBuilder.Build(Set(contact), DatabaseProvider.Sqlite).Table("contact");

        Assert.Contains(table.Indexes, i => !i.IsUnique && i.Columns.SequenceEqual(["city", "name", "owning_business_unit"]));
    }

    [Fact]
    public void A_declared_unique_index_keeps_its_own_fields_so_uniqueness_is_unchanged()
    {
        var contact = Entity("contact", Text("name"), Text("city")).Indexed(true, "city", "name");

        var table = PhysicalModelBuilder.Build(Set(contact), DatabaseProvider.Sqlite).Table("contact");

        Assert.Contains(table.Indexes, i => i.IsUnique && i.Columns.SequenceEqual(["city", "name"]));
    }
}
