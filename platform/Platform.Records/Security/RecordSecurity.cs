using Platform.Metadata.Definitions;
using Platform.Metadata.Definitions.Security;
using Platform.Records.Validation;
using Platform.Runtime;
using Platform.Storage.Records;

namespace Platform.Records.Security;

/// <summary>
/// The permission rules <see cref="RecordService"/> applies to every caller: privilege scopes as SQL filters (lists,
/// many-by-id) or as a test of a loaded row (get, update, delete, assign, share), shares, and field security on what
/// goes in and out. <see cref="RecordActor.IsSystem"/> bypasses all of it; nothing else is special-cased.
/// </summary>
public sealed class RecordSecurity(IUserDirectory? directory = null)
{
    public IUserDirectory? Directory { get; } = directory;

    /// <summary>The actor's effective privileges and field access on an entity.</summary>
    public static EntityAccess Access(TenantRuntime runtime, RecordActor actor, string entity) =>
        actor.IsSystem ? EntityAccess.Unrestricted : SecurityModel.For(runtime.Definitions).Access(actor.Roles, entity);

    /// <summary>The rows of an entity the actor may read (or update), as a filter to AND into a query; null when all.</summary>
    public async Task<FilterNode?> ScopeFilterAsync(TenantRuntime runtime, RecordActor actor, string entity, Privilege privilege, CancellationToken ct)
    {
        if (actor.IsSystem) return null;
        var scope = Access(runtime, actor, entity).Scope(privilege);
        if (scope == PrivilegeScope.Tenant) return null;
        FilterNode filter = scope switch
        {
            PrivilegeScope.Own when actor.UserId is { } user => new ComparisonNode(SystemFields.Owner, ComparisonOperator.Eq, user),
            PrivilegeScope.Team when actor.UserId is not null => new InNode(SystemFields.Owner, await TeamOwnersAsync(runtime, actor, ct)),
            PrivilegeScope.BusinessUnit when actor.BusinessUnit is { } unit => new InNode(SystemFields.OwningBusinessUnit, [unit]) { Broad = true },
            PrivilegeScope.BusinessUnitAndChildren when actor.BusinessUnit is { } unit =>
                new InNode(SystemFields.OwningBusinessUnit, SecurityModel.For(runtime.Definitions).UnitAndDescendants(unit).Cast<object?>().ToList()) { Broad = true },
            _ => new ConstantNode(false),
        };
        if (privilege is not (Privilege.Read or Privilege.Update)) return filter;
        var principals = SharePrincipal.KeysOf(actor);
        return principals.Count == 0 ? filter : new OrNode(filter, RecordShares.SharedWith(entity, principals, privilege == Privilege.Update));
    }

    /// <summary>
    /// Turns conditions on related records (<c>account/name eq 'Acme'</c>) into subqueries over the records of that
    /// entity the actor may read, with the same field rules as a filter on that entity itself: a condition cannot find
    /// out what a list of the related entity would not show.
    /// </summary>
    public async Task<FilterNode> ResolveRelatedAsync(TenantRuntime runtime, RecordActor actor, FilterNode node, CancellationToken ct) => node switch
    {
        RelatedNode related => await SubqueryAsync(runtime, actor, related, ct),
        AndNode a => new AndNode(await ResolveRelatedAsync(runtime, actor, a.Left, ct), await ResolveRelatedAsync(runtime, actor, a.Right, ct)),
        OrNode o => new OrNode(await ResolveRelatedAsync(runtime, actor, o.Left, ct), await ResolveRelatedAsync(runtime, actor, o.Right, ct)),
        NotNode n => new NotNode(await ResolveRelatedAsync(runtime, actor, n.Operand, ct)),
        _ => node,
    };

    private async Task<FilterNode> SubqueryAsync(TenantRuntime runtime, RecordActor actor, RelatedNode related, CancellationToken ct)
    {
        CheckQueryable(Access(runtime, actor, related.Entity), new RecordQuery(related.Entity) { Filter = related.Where });
        var scope = await ScopeFilterAsync(runtime, actor, related.Entity, Privilege.Read, ct);
        return new InSubqueryNode(related.Lookup, related.Entity, SystemFields.Id, scope is null ? related.Where : new AndNode(related.Where, scope));
    }

    /// <summary>Whether the actor holds the privilege on a loaded row (its owner and owning business unit), shares included.</summary>
    public async Task<bool> AllowsAsync(
        TenantRuntime runtime, RecordSession session, RecordActor actor, string entity, IReadOnlyDictionary<string, object?> row, Privilege privilege, CancellationToken ct)
    {
        if (actor.IsSystem) return true;
        var owner = row.GetValueOrDefault(SystemFields.Owner) as Guid?;
        var unit = row.GetValueOrDefault(SystemFields.OwningBusinessUnit) as string;
        var inScope = Access(runtime, actor, entity).Scope(privilege) switch
        {
            PrivilegeScope.Tenant => true,
            PrivilegeScope.BusinessUnitAndChildren => actor.BusinessUnit is { } mine && unit is not null &&
                                                      SecurityModel.For(runtime.Definitions).UnitAndDescendants(mine).Contains(unit),
            PrivilegeScope.BusinessUnit => actor.BusinessUnit is { } mine && unit == mine,
            PrivilegeScope.Team => owner is { } o && actor.UserId is not null && (o == actor.UserId || (await TeamOwnersAsync(runtime, actor, ct)).Contains(o)),
            PrivilegeScope.Own => owner is { } o && o == actor.UserId,
            _ => false,
        };
        if (inScope || privilege is not (Privilege.Read or Privilege.Update)) return inScope;
        return await RecordShares.IsSharedAsync(runtime, session, entity, (Guid)row[SystemFields.Id]!, SharePrincipal.KeysOf(actor), privilege == Privilege.Update, ct);
    }

    /// <summary>
    /// Refuses an operation on a loaded row: not found when the actor may not even read it (its existence stays
    /// hidden), forbidden when they may read it but lack the privilege.
    /// </summary>
    public async Task DemandAsync(
        TenantRuntime runtime, RecordSession session, RecordActor actor, string entity, Guid id, IReadOnlyDictionary<string, object?> row, Privilege privilege, CancellationToken ct)
    {
        if (await AllowsAsync(runtime, session, actor, entity, row, privilege, ct)) return;
        if (privilege != Privilege.Read && await AllowsAsync(runtime, session, actor, entity, row, Privilege.Read, ct))
            throw new RecordForbiddenException($"You may not {Verb(privilege)} this {entity}.");
        throw new RecordNotFoundException(entity, id);
    }

    public static void DemandCreate(TenantRuntime runtime, RecordActor actor, string entity)
    {
        if (Access(runtime, actor, entity).Scope(Privilege.Create) == PrivilegeScope.None)
            throw new RecordForbiddenException($"You may not create {entity} records.");
    }

    /// <summary>Adds an error for each field of the body the actor may not write (read-only or hidden for their roles).</summary>
    public static void CheckWritable(EntityAccess access, IReadOnlyDictionary<string, object?> values, string pointer, List<FieldError> errors)
    {
        if (access.RestrictedFields.Count == 0) return;
        foreach (var name in values.Keys)
        {
            var field = access.Field(name);
            if (field.Write) continue;
            errors.Add(new FieldError($"{pointer}/{name}", field.Read == FieldRead.None
                ? $"'{name}' cannot be written with your roles"
                : $"'{name}' is read-only for your roles"));
        }
    }

    /// <summary>Refuses a filter or sort on a field the actor sees masked or not at all: matching on it would reveal the value.</summary>
    public static void CheckQueryable(EntityAccess access, RecordQuery query)
    {
        if (access.RestrictedFields.Count == 0) return;
        if (query.Filter is not null)
        {
            foreach (var field in FieldsOf(query.Filter))
                if (access.Field(field).Read != FieldRead.Full)
                    throw new RecordQueryRefusedException("$filter", $"'{field}' cannot be filtered on: it is {access.Field(field).Name} for your roles.");
        }
        foreach (var term in query.OrderBy)
            if (access.Field(term.Field).Read != FieldRead.Full)
                throw new RecordQueryRefusedException("$orderby", $"'{term.Field}' cannot be sorted on: it is {access.Field(term.Field).Name} for your roles.");
    }

    /// <summary>Masks or removes, in place, the fields of a row the actor may not read in full.</summary>
    public static void ApplyFieldSecurity(EntityDefinition entity, EntityAccess access, Dictionary<string, object?> row)
    {
        foreach (var (name, field) in access.RestrictedFields)
        {
            if (!row.TryGetValue(name, out var value)) continue;
            if (field.Read == FieldRead.None) row.Remove(name);
            else if (field.Read == FieldRead.Masked && entity.FindField(name) is { } definition) row[name] = FieldMasking.Mask(definition, value);
        }
    }

    /// <summary>The owners whose records team scope reaches: the user and every member of the user's teams.</summary>
    private async Task<List<object?>> TeamOwnersAsync(TenantRuntime runtime, RecordActor actor, CancellationToken ct)
    {
        var owners = new List<object?> { actor.UserId };
        if (Directory is not null && actor.Teams.Count > 0)
            owners.AddRange((await Directory.TeamMembersAsync(runtime, actor.Teams, ct)).Where(m => m != actor.UserId).Cast<object?>());
        return owners;
    }

    private static IEnumerable<string> FieldsOf(FilterNode node) => node switch
    {
        ComparisonNode c => [c.Field],
        InNode i => [i.Field],
        StringMatchNode s => [s.Field],
        ListContainsAnyNode l => [l.Field],
        AndNode a => FieldsOf(a.Left).Concat(FieldsOf(a.Right)),
        OrNode o => FieldsOf(o.Left).Concat(FieldsOf(o.Right)),
        NotNode n => FieldsOf(n.Operand),
        // Following a lookup reads it; the related record's own fields are checked against its entity's rules.
        RelatedNode r => [r.Lookup],
        _ => [],
    };

    private static string Verb(Privilege privilege) => privilege.ToString().ToLowerInvariant();
}
