using Microsoft.Extensions.DependencyInjection;

namespace Platform.TestSupport;

/// <summary>What a suite's hosts add to the platform's own composition.</summary>
public sealed record TestHostOptions
{
    /// <summary>Settings applied after the common and storage ones, so they win.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Services registered after the platform's (a test double replaces the platform's one).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>False (the default) starts the host without the demo tenant.</summary>
    public bool Demo { get; init; }
}
