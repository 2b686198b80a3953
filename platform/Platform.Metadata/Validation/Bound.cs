using NuGet.Versioning;

namespace Platform.Metadata.Validation;

/// <summary>One end of an <see cref="Interval"/>; a null version means unbounded.</summary>
internal readonly record struct Bound(NuGetVersion? Version, bool Inclusive);
