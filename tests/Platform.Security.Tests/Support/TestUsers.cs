namespace Platform.Security.Tests.Support;

/// <summary>A user of the test tenant as the tests know them; <see cref="SecurityHost"/> creates each as a real user.</summary>
public sealed record TestUser(string UserName, string BusinessUnit, IReadOnlyList<string> Teams, IReadOnlyList<string> Roles);

/// <summary>The users of the test tenant: their units, teams and roles (ids are the host's, see <see cref="SecurityHost.IdOf"/>).</summary>
public static class TestUsers
{
    public static readonly TestUser Alice = new("alice", "north", ["north-team"], ["salesperson"]);
    public static readonly TestUser Bob = new("bob", "north", ["north-team"], ["salesperson"]);
    public static readonly TestUser Carol = new("carol", "south", [], ["salesperson"]);
    public static readonly TestUser Dave = new("dave", "north-east", [], ["salesperson"]);
    public static readonly TestUser Manager = new("manager", "north", [], ["sales-manager"]);

    /// <summary>The tenant's first administrator (created by the platform, not by the tests).</summary>
    public static readonly TestUser Admin = new("admin", "root", [], ["admin"]);

    public static readonly TestUser Reader = new("reader", "south", [], ["read-only"]);
    public static readonly TestUser Clerk = new("clerk", "north", [], ["clerk"]);
    public static readonly TestUser NorthReader = new("northreader", "north", [], ["bu-reader"]);
    public static readonly TestUser Nobody = new("nobody", "north", [], []);

    /// <summary>Administers the tenant through a role document ("administers": true), with no record privileges.</summary>
    public static readonly TestUser Auditor = new("auditor", "root", [], ["auditor"]);

    /// <summary>Administers the tenant, but reads and updates only unit north's records, with field restrictions (unit-admin).</summary>
    public static readonly TestUser UnitAdmin = new("unitadmin", "north", [], ["unit-admin"]);

    public static IReadOnlyList<TestUser> All { get; } = [Alice, Bob, Carol, Dave, Manager, Admin, Reader, Clerk, NorthReader, Nobody, Auditor, UnitAdmin];
}
