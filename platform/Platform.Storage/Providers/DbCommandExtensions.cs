using System.Data;
using System.Data.Common;

namespace Platform.Storage.Providers;

public static class DbCommandExtensions
{
    /// <summary>Adds a positional parameter named like <see cref="SqlDialect.ParameterName"/>; values are never inlined.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (type is { } t) parameter.DbType = t;
        else if (value is null or string) parameter.DbType = DbType.String;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static DbCommand CreateCommand(this DbConnection connection, string sql, DbTransaction? transaction)
    {
        StatementCount.Statement(sql);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
