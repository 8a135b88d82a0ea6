using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// SecurID failure bodies: <c>{"code":"ACCESS_DENIED","message":"JWT expired"}</c>. Emulator
/// assumption: SERVICES.md §3 lists the statuses but not the body, so the emulator picks this
/// shape for every failure of the SecurID routes (auth, validation, conflicts and injected faults).
/// Messages say what failed and never repeat a credential.
/// </summary>
internal static class SecurIdErrors
{
    public const string AccessDenied = "ACCESS_DENIED";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";
    public const string Conflict = "CONFLICT";

    /// <summary>The documented 500 message.</summary>
    public const string ServiceCallFailed = "Unable to complete service call";

    public static IResult Error(int statusCode, string code, string message) =>
        Results.Json(new SecurIdErrorBody(code, message), SecurIdJsonContext.Wire.SecurIdErrorBody, JsonResults.ContentType, statusCode);

    public static IResult Denied(string message) => Error(StatusCodes.Status403Forbidden, AccessDenied, message);

    public static IResult Invalid(string message) => Error(StatusCodes.Status400BadRequest, InvalidRequest, message);

    // The message never repeats the serial: clients may echo server messages into logs next to other data.
    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, TokenNotFound, "No token with that serial number.");

    public static IResult InConflict(string message) => Error(StatusCodes.Status409Conflict, Conflict, message);

    /// <summary>An injected fault: codes as the other services use, 500 with the documented message.</summary>
    public static IResult Fault(int statusCode) => Error(
        statusCode,
        FaultResponses.ErrorCodeFor(statusCode),
        statusCode == StatusCodes.Status500InternalServerError ? ServiceCallFailed : FaultResponses.MessageFor(statusCode));
}
