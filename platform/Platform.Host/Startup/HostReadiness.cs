namespace Platform.Host.Startup;

/// <summary>/health answers 200 only once start-up work (demo tenant, modules, sample data) is done.</summary>
public sealed class HostReadiness
{
    private volatile bool _ready;
    private volatile string _status = "starting";

    public bool IsReady => _ready;
    public string Status => _status;

    public void Report(string status) => _status = status;

    public void MarkReady()
    {
        _status = "ready";
        _ready = true;
    }
}
