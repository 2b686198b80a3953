using System.Data;
using System.Data.Common;
using Platform.Storage.Physical;

namespace Platform.Storage.Records;

/// <summary>How one storage kind lives in a column: its store type, how a value is written and read back per provider.</summary>
/// <param name="StoreType">The CLR type EF Core maps the column to (SQLite's scaled decimals excepted, see <see cref="ColumnModel.DecimalScaleOnDisk"/>).</param>
/// <param name="Write">A non-null value of the kind to what the column stores; the flag is "the provider is SQLite".</param>
/// <param name="Read">A non-null column value back to the platform value; the flag is "the provider is SQLite".</param>
/// <param name="ParameterType">The parameter type of a null (PostgreSQL types an untyped null as text, which other columns refuse).</param>
internal sealed record ColumnForm(
    Type StoreType,
    Func<object, ColumnModel, bool, object> Write,
    Func<DbDataReader, int, ColumnModel, bool, object> Read,
    DbType ParameterType);
