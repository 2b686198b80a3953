namespace Platform.Storage.Records;

/// <summary>
/// The SQL of OData's comparisons and negation, shared by the row filter (WHERE) and the group filter (HAVING) so
/// both keep OData's two-valued logic: null equals only null, is "not equal" to any value, and orders with nothing.
/// </summary>
internal static class ComparisonSql
{
    /// <summary>An expression compared with null.</summary>
    public static string WithNull(ComparisonOperator op, string expression) => op switch
    {
        ComparisonOperator.Eq => $"{expression} IS NULL",
        ComparisonOperator.Ne => $"{expression} IS NOT NULL",
        _ => "(1=0)",
    };

    /// <summary>An expression compared with a value (a parameter's name).</summary>
    public static string WithValue(ComparisonOperator op, string expression, string value) => op switch
    {
        ComparisonOperator.Eq => $"{expression} = {value}",
        // OData semantics: a null value is "not equal" to any constant.
        ComparisonOperator.Ne => $"({expression} <> {value} OR {expression} IS NULL)",
        ComparisonOperator.Gt => $"{expression} > {value}",
        ComparisonOperator.Ge => $"{expression} >= {value}",
        ComparisonOperator.Lt => $"{expression} < {value}",
        _ => $"{expression} <= {value}",
    };

    /// <summary>
    /// The negation of a condition: a comparison with null is false in OData, so its negation is true. SQL's NOT would
    /// keep the UNKNOWN and drop the row; CASE turns UNKNOWN into false first (portably, unlike IS NOT TRUE).
    /// </summary>
    public static void Not(System.Text.StringBuilder sql, Action operand)
    {
        sql.Append("(CASE WHEN ");
        operand();
        sql.Append(" THEN 0 ELSE 1 END = 1)");
    }
}
