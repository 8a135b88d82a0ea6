using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// Verifies every SecurID request's JWT (<see cref="SecurIdJwtValidator"/>) against the
/// adminRestApiUrl the client addressed, then the route's <see cref="SecurIdRoleRequirement"/>.
/// Every refusal is 403 ACCESS_DENIED: the real service answers 403 for a bad JWT, and has no 401.
/// </summary>
internal sealed class SecurIdAuthenticationFilter(SecurIdJwtValidator validator) : IEndpointFilter
{
    private static readonly object KeyItem = new();

    /// <summary>The API key that signed the request's JWT; set once the filter let the request through.</summary>
    public static SecurIdDemoKey KeyOf(HttpContext context) => (SecurIdDemoKey)context.Items[KeyItem]!;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var httpContext = context.HttpContext;
        var expectedAudience = SecurIdService.AdminRestApiUrlFor(EmulatorEndpoints.BaseAddressOf(httpContext));
        var result = validator.Validate(httpContext.Request.Headers.Authorization, expectedAudience);
        if (result.Key is not { } key)
        {
            return Respond(SecurIdErrors.Denied(result.Failure!));
        }

        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<SecurIdRoleRequirement>() is { } requirement && key.Role != requirement.Role)
        {
            return Respond(SecurIdErrors.Denied(requirement.DeniedMessage));
        }

        httpContext.Items[KeyItem] = key;
        return next(context);
    }

    private static ValueTask<object?> Respond(IResult result) => ValueTask.FromResult<object?>(result);
}
