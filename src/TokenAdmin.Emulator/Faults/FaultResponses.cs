using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace TokenAdmin.Emulator;

/// <summary>
/// Default error codes and messages of injected status faults. Each service wraps them in its
/// own error shape (<see cref="IEmulatedService.InjectedFault"/>).
/// </summary>
internal static class FaultResponses
{
    /// <summary>The emulator's own (gateway) error shape, for a fault outside any service.</summary>
    public static IResult Default(int statusCode) => JsonResults.Error(statusCode, ErrorCodeFor(statusCode), MessageFor(statusCode));

    public static string ErrorCodeFor(int statusCode) => statusCode switch
    {
        400 => "INVALID_REQUEST",
        401 => "NOT_AUTHENTICATED",
        403 => "ACCESS_DENIED",
        404 => "NOT_FOUND",
        408 => "REQUEST_TIMEOUT",
        409 => "CONFLICT",
        429 => "TOO_MANY_REQUESTS",
        500 => "INTERNAL_ERROR",
        502 => "BAD_GATEWAY",
        503 => "SERVICE_UNAVAILABLE",
        504 => "GATEWAY_TIMEOUT",
        _ => "HTTP_" + statusCode.ToString(CultureInfo.InvariantCulture),
    };

    public static string MessageFor(int statusCode)
    {
        var reason = ReasonPhrases.GetReasonPhrase(statusCode);
        return $"Injected fault: {(reason.Length > 0 ? reason : "HTTP " + statusCode.ToString(CultureInfo.InvariantCulture))}.";
    }
}
