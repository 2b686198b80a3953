namespace Platform.Storage.Providers;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
