using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>How the shared middleware and the services classify a request.</summary>
internal static class EmulatorEndpoints
{
    /// <summary>The emulator's own control surface: never journaled, never faulted, never authenticated.</summary>
    public static readonly PathString AdminPath = new("/_emulator");

    public static bool IsAdminRequest(HttpContext context) => context.Request.Path.StartsWithSegments(AdminPath);

    /// <summary>The stable route name (<c>.WithName</c>) of the matched service endpoint; null when none matched.</summary>
    public static string? RouteNameOf(HttpContext context) =>
        IsAdminRequest(context) ? null : context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    /// <summary>The service whose route matched (the host tags each service's group with it); null when none matched.</summary>
    public static IEmulatedService? ServiceOf(HttpContext context) =>
        IsAdminRequest(context) ? null : context.GetEndpoint()?.Metadata.GetMetadata<IEmulatedService>();

    /// <summary>
    /// The base address (scheme, host, port, trailing slash) the client addressed: the target's
    /// origin for a request relayed by the forward proxy (the emulator then plays that host),
    /// otherwise the listener the request arrived on, i.e. the host's HTTP or HTTPS base address.
    /// Independent of the Host header, so a service URL is only ever the one the host announces.
    /// </summary>
    public static Uri BaseAddressOf(HttpContext context)
    {
        if (ForwardProxy.RelayedTargetOf(context) is { } target)
        {
            return new Uri(target.GetLeftPart(UriPartial.Authority) + "/");
        }

        var local = context.Connection.LocalIpAddress ?? System.Net.IPAddress.Loopback;
        return new UriBuilder(context.Request.Scheme, local.ToString(), context.Connection.LocalPort).Uri;
    }
}
