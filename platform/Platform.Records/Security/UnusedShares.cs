using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records.Security;

/// <summary>
/// Drops the share subqueries of a read scope that match no share, before the query runs. A scope reads "in my unit OR
/// shared with me", and the OR keeps the database from filtering the unit inside the index the page walks: SQLite seeks
/// the table row of every index entry to test the share, PostgreSQL cannot make the unit an index condition. Yet most
/// users have no shares on most entities. One probe per subquery, in the query's own session (an index seek on entity
/// and principal that stops at the first row), tells; "id IN (a subquery of no rows)" is false, so replacing it is
/// exact, under NOT too. Nothing is cached, so a share made a moment ago counts at once, on every host.
/// </summary>
public static class UnusedShares
{
    /// <summary>The filter with every share subquery that matches no share replaced by false, and simplified.</summary>
    public static async Task<FilterNode?> PruneAsync(TenantRuntime runtime, RecordSession session, FilterNode? filter, CancellationToken ct) =>
        filter is null || !HasShareSubquery(filter) ? filter : await PruneNodeAsync(runtime, session, filter, ct);

    private static async Task<FilterNode> PruneNodeAsync(TenantRuntime runtime, RecordSession session, FilterNode node, CancellationToken ct)
    {
        switch (node)
        {
            case InSubqueryNode { Table: ShareTables.RecordShares } shares:
                return await runtime.Store.AnyAsync(session, ShareTables.RecordShares, shares.Where, ct) ? shares : new ConstantNode(false);
            case InSubqueryNode subquery when HasShareSubquery(subquery.Where):
                // A condition on a related entity carries that entity's read scope, shares included.
                return subquery with { Where = await PruneNodeAsync(runtime, session, subquery.Where, ct) };
            case AndNode and:
                var (left, right) = (await PruneNodeAsync(runtime, session, and.Left, ct), await PruneNodeAsync(runtime, session, and.Right, ct));
                return (left, right) switch
                {
                    (ConstantNode { Value: false }, _) or (_, ConstantNode { Value: false }) => new ConstantNode(false),
                    (ConstantNode { Value: true }, _) => right,
                    (_, ConstantNode { Value: true }) => left,
                    _ => new AndNode(left, right),
                };
            case OrNode or:
                var (first, second) = (await PruneNodeAsync(runtime, session, or.Left, ct), await PruneNodeAsync(runtime, session, or.Right, ct));
                return (first, second) switch
                {
                    (ConstantNode { Value: true }, _) or (_, ConstantNode { Value: true }) => new ConstantNode(true),
                    (ConstantNode { Value: false }, _) => second,
                    (_, ConstantNode { Value: false }) => first,
                    _ => new OrNode(first, second),
                };
            case NotNode not:
                var operand = await PruneNodeAsync(runtime, session, not.Operand, ct);
                return operand is ConstantNode constant ? new ConstantNode(!constant.Value) : new NotNode(operand);
            default:
                return node;
        }
    }

    private static bool HasShareSubquery(FilterNode node) => node switch
    {
        InSubqueryNode { Table: ShareTables.RecordShares } => true,
        InSubqueryNode subquery => HasShareSubquery(subquery.Where),
        AndNode and => HasShareSubquery(and.Left) || HasShareSubquery(and.Right),
        OrNode or => HasShareSubquery(or.Left) || HasShareSubquery(or.Right),
        NotNode not => HasShareSubquery(not.Operand),
        _ => false,
    };
}
