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
        Assert.Contains(table.Indexes, i => i.Columns.SequenceEqual(["account", "name"]));
    }
}
