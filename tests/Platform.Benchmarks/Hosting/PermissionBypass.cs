using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Api.Security;
using Platform.Records;

namespace Platform.Benchmarks.Hosting;

/// <summary>
/// The permissions case's baseline: <c>/bypass/api/...</c> is served by the very same endpoint as <c>/api/...</c>, after
/// the same authentication, tenant match and authorization, but acts as <see cref="RecordActor.System"/>, so no scope
/// condition, share subquery or field rule applies. The difference between the two sides is the permission checks alone.
/// </summary>
public static class PermissionBypass
{
    public const string Prefix = "/bypass";

    public static void Use(WebApplication app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments(Prefix, out var rest))
        {
            http.Request.Path = rest;
            http.Features.Set<IRecordActorFeature>(new SystemActor(RecordActor.System with { ClientAddress = http.Connection.RemoteIpAddress?.ToString() }));
        }
        return next(http);
    });

    private sealed record SystemActor(RecordActor Actor) : IRecordActorFeature;
}
