namespace Platform.Storage.Records.Aggregates;

/// <summary>
/// A condition on the groups of an <see cref="AggregateQuery"/> (the SQL HAVING; OData's <c>filter()</c> after
/// <c>groupby()</c>/<c>aggregate()</c>), over the result's values by alias rather than over the rows' fields.
/// </summary>
public abstract record ResultCondition;

/// <summary>
/// A result value compared with a constant. <paramref name="Value"/> is a platform value of the alias's kind: the
/// field's type for a group key, min or max; a long for counts and date parts; a decimal (or long) for sums and averages.
/// </summary>
public sealed record ResultComparison(string Alias, ComparisonOperator Operator, object? Value) : ResultCondition;

public sealed record ResultAnd(ResultCondition Left, ResultCondition Right) : ResultCondition;

public sealed record ResultOr(ResultCondition Left, ResultCondition Right) : ResultCondition;

public sealed record ResultNot(ResultCondition Operand) : ResultCondition;
