namespace Platform.Storage.Physical;

/// <summary>
/// A feature's own platform tables in every tenant database (audit, shares, users, script runs, …). Declared in the
/// feature's project and registered with <see cref="PlatformTableServices.AddPlatformTables{T}"/> (or
/// <see cref="PlatformTables.Add"/>); the planner builds them for new tenants and <c>PlatformTableUpgrade</c> creates
/// the ones an existing tenant lacks at its next start.
/// </summary>
public interface IPlatformTables
{
    IReadOnlyList<TableModel> Tables { get; }
}
