using Microsoft.AspNetCore.Builder;

namespace TokenAdmin.Emulator;

/// <summary>Endpoint metadata: only keys of <paramref name="Role"/> may call the route; others get 403 with <paramref name="DeniedMessage"/>.</summary>
internal sealed record SecurIdRoleRequirement(SecurIdRole Role, string DeniedMessage);

internal static class SecurIdRoleRequirementExtensions
{
    public static RouteHandlerBuilder RequireSecurIdRole(this RouteHandlerBuilder builder, SecurIdRole role, string deniedMessage) =>
        builder.WithMetadata(new SecurIdRoleRequirement(role, deniedMessage));
}
