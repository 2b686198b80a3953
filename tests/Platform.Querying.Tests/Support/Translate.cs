using Platform.Storage.Records;

namespace Platform.Querying.Tests.Support;

/// <summary>Shortcuts for translating options and asserting on the outcome.</summary>
public static class Translate
{
    private static readonly ODataQueryTranslator Translator = TestModel.Translator();

    public static QueryTranslation Run(QueryOptions options, string entity = "opportunity") => Translator.Translate(entity, options);

    public static RecordQuery Ok(QueryOptions options, string entity = "opportunity")
    {
        var result = Run(options, entity);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Select(e => $"{e.Parameter}: {e.Message}")));
        return result.Query;
    }

    public static FilterNode? Filter(string filter) => Ok(new QueryOptions { Filter = filter }).Filter;

    public static IReadOnlyList<QueryError> Errors(QueryOptions options, string entity = "opportunity")
    {
        var result = Run(options, entity);
        Assert.False(result.Succeeded, "Expected errors, but the options were accepted.");
        return result.Errors;
    }

    /// <summary>The single error a $filter gives.</summary>
    public static string FilterError(string filter)
    {
        var error = Assert.Single(Errors(new QueryOptions { Filter = filter }));
        Assert.Equal("$filter", error.Parameter);
        return error.Message;
    }
}
