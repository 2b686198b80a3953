using Platform.Querying.Tests.Support;
using Platform.Storage.Physical;
using Platform.Storage.Providers;
using Platform.Storage.Records;
using Platform.Storage.Schema;

namespace Platform.Querying.Tests.Integration;

/// <summary>A tenant database with the test model's tables and <see cref="SeedData"/>, shared by one test class.</summary>
public abstract class QueryDatabase : IAsyncLifetime
{
    public RecordStore Store { get; private set; } = null!;

    public ODataQueryTranslator Translator { get; private set; } = null!;

    public DatabaseProvider Provider => Store.Database.Provider;

    protected abstract Task<TenantDatabase> CreateAsync();

    protected abstract Task DropAsync();

    public async Task InitializeAsync()
    {
        var database = await CreateAsync();
        var plan = await SchemaPlanner.PlanAsync(database, TestModel.Set, CancellationToken.None);
        var result = await SchemaApplier.ApplyAsync(plan, false, CancellationToken.None);
        Assert.False(result.Refused, result.Reason);
        Store = new RecordStore(database, PhysicalModelBuilder.Build(TestModel.Set, database.Provider));
        Translator = new ODataQueryTranslator(Store.Model);
        await SeedData.InsertAsync(Store);
    }

    public Task DisposeAsync() => DropAsync();

    /// <summary>Translates the options (which must be valid) and runs the query.</summary>
    public async Task<(RecordQuery Query, RecordPage Page)> ListAsync(string entity, QueryOptions options)
    {
        var translation = Translator.Translate(entity, options);
        Assert.True(translation.Succeeded, string.Join("; ", translation.Errors));
        await using var session = await Store.OpenAsync(false, CancellationToken.None);
        return (translation.Query, await Store.QueryAsync(session, translation.Query, CancellationToken.None));
    }
}
