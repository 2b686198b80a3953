using Platform.Querying.Tests.Support;
using Platform.Storage.Records;
using static Platform.Querying.Tests.Support.Translate;

namespace Platform.Querying.Tests;

public sealed class ConcurrencyAndLimitsTests
{
    [Fact]
    public async Task One_translator_serves_many_threads()
    {
        var translator = TestModel.Translator();
        var filters = new[] { "score gt 1 and contains(name,'x')", "tags/any(t: t eq 'hot')", "stage in ('won','lost')", "account eq null" };
        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var result = translator.Translate("opportunity", new QueryOptions
                {
                    Filter = filters[(worker + i) % filters.Length], OrderBy = "amount desc", Select = "name", Expand = "account",
                });
                Assert.True(result.Succeeded);
            }
        }));
        await Task.WhenAll(tasks);
    }

    [Fact]
    public void Long_or_chains_translate_up_to_the_parsers_recursion_limit()
    {
        var node = Filter(string.Join(" or ", Enumerable.Range(0, 500).Select(i => $"score eq {i}")));
        var depth = 0;
        while (node is OrNode or) { node = or.Left; depth++; }
        Assert.Equal(499, depth);

        // Deeper trees are refused by the parser, so neither the translator nor the SQL writer recurses without bound.
        Assert.Contains("Recursion depth", FilterError(string.Join(" or ", Enumerable.Range(0, 5000).Select(i => $"score eq {i}"))));
        Assert.Contains("Recursion depth", FilterError(new string('(', 5000) + "score eq 1" + new string(')', 5000)));
    }
}
