using System.Data.Common;
using Platform.Storage.Providers;

namespace Platform.Storage.Records;

/// <summary>Collects the values of one statement; the SQL only ever holds their names.</summary>
public sealed class SqlParameterList
{
    private readonly List<object?> _values = [];

    public string Add(object? value)
    {
        _values.Add(value);
        return "@p" + (_values.Count - 1);
    }

    public void AddTo(DbCommand command)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            var parameter = command.AddParameter("@p" + i, _values[i]);
            // An untyped null takes the type of the column it meets; typed as text, PostgreSQL refuses it for other columns.
            if (_values[i] is null) parameter.ResetDbType();
        }
    }
}
