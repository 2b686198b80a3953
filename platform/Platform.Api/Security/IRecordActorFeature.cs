using Platform.Records;

namespace Platform.Api.Security;

/// <summary>
/// A request feature through which server code (never a client: features are not set from the wire) decides the
/// request's actor after authentication, e.g. the benchmarks' permission bypass. Without it the actor comes from the
/// authenticated user.
/// </summary>
public interface IRecordActorFeature
{
    RecordActor Actor { get; }
}
