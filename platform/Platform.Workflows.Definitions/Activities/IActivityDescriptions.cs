namespace Platform.Workflows.Activities;

/// <summary>The activity types a validator accepts, by name: the runtime's registry, or the built-in descriptions in the CLI.</summary>
public interface IActivityDescriptions
{
    IActivityDescription? Find(string type);
}
