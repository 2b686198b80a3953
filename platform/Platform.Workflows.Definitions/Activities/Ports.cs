namespace Platform.Workflows.Activities;

/// <summary>Port names shared by many activity types.</summary>
public static class Ports
{
    public const string In = "In";
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}
