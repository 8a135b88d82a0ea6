using Microsoft.AspNetCore.Builder;

namespace TokenAdmin.Emulator;

/// <summary>Endpoint metadata: the least role that may call the route. Routes without it need Admin (deny by default).</summary>
internal sealed record HdcMinimumRole(HdcRole Role)
{
    public static HdcMinimumRole Default { get; } = new(HdcRole.Admin);
}

internal static class HdcMinimumRoleExtensions
{
    public static RouteHandlerBuilder AllowHdcReader(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new HdcMinimumRole(HdcRole.Reader));
}
