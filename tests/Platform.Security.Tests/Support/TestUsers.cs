using Platform.Records;
using Platform.Records.Security;
using Platform.Runtime;

namespace Platform.Security.Tests.Support;

/// <summary>The users of the test tenant (what the identity layer will keep in user tables), and a directory over them.</summary>
public sealed class TestUsers : IUserDirectory
{
    public static readonly DirectoryUser Alice = User("alice", "north", ["north-team"], ["salesperson"]);
    public static readonly DirectoryUser Bob = User("bob", "north", ["north-team"], ["salesperson"]);
    public static readonly DirectoryUser Carol = User("carol", "south", [], ["salesperson"]);
    public static readonly DirectoryUser Dave = User("dave", "north-east", [], ["salesperson"]);
    public static readonly DirectoryUser Manager = User("manager", "north", [], ["sales-manager"]);
    public static readonly DirectoryUser Admin = User("admin", "root", [], ["admin"]);
    public static readonly DirectoryUser Reader = User("reader", "south", [], ["read-only"]);
    public static readonly DirectoryUser Clerk = User("clerk", "north", [], ["clerk"]);
    public static readonly DirectoryUser NorthReader = User("northreader", "north", [], ["bu-reader"]);
    public static readonly DirectoryUser Nobody = User("nobody", "north", [], []);

    public static IReadOnlyList<DirectoryUser> All { get; } = [Alice, Bob, Carol, Dave, Manager, Admin, Reader, Clerk, NorthReader, Nobody];

    public static DirectoryUser ByName(string name) => All.Single(u => u.UserName == name);

    public static RecordActor Actor(DirectoryUser user) => new(user.Id)
    {
        Name = user.UserName, Roles = user.Roles, Teams = user.Teams, BusinessUnit = user.BusinessUnit,
    };

    public Task<DirectoryUser?> FindAsync(TenantRuntime runtime, Guid userId, CancellationToken ct) =>
        Task.FromResult(All.FirstOrDefault(u => u.Id == userId));

    public Task<IReadOnlyCollection<Guid>> TeamMembersAsync(TenantRuntime runtime, IReadOnlyCollection<string> teams, CancellationToken ct) =>
        Task.FromResult<IReadOnlyCollection<Guid>>(All.Where(u => u.Teams.Any(teams.Contains)).Select(u => u.Id).ToList());

    private static DirectoryUser User(string name, string unit, IReadOnlyList<string> teams, IReadOnlyList<string> roles) =>
        new(Guid.CreateVersion7(), name, name, $"{name}@example.com", unit, teams, roles, null, true);
}
