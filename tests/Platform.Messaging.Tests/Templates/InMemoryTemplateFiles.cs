using Platform.Templates;

namespace Platform.Messaging.Tests.Templates;

/// <summary>A module's templates folder in memory; records every path it was asked for.</summary>
internal sealed class InMemoryTemplateFiles(IReadOnlyDictionary<string, string> files) : ITemplateFiles
{
    public List<string> Requested { get; } = [];

    public async ValueTask<string?> ReadAsync(string path, CancellationToken ct)
    {
        Requested.Add(path);
        // Not completed synchronously, as a real file read would not be.
        await Task.Yield();
        return files.GetValueOrDefault(path);
    }
}
