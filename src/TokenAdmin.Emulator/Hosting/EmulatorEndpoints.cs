using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>How the shared middleware classifies a request.</summary>
internal static class EmulatorEndpoints
{
    /// <summary>The emulator's own control surface: never journaled, never faulted, never authenticated.</summary>
    public static readonly PathString AdminPath = new("/_emulator");

    public static bool IsAdminRequest(HttpContext context) => context.Request.Path.StartsWithSegments(AdminPath);

    /// <summary>The stable route name (<c>.WithName</c>) of the matched service endpoint; null when none matched.</summary>
    public static string? RouteNameOf(HttpContext context) =>
        IsAdminRequest(context) ? null : context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
}
