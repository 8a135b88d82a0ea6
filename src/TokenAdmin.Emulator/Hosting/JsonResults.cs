using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>Writers for the JSON responses every service and the emulator's gateway share.</summary>
internal static class JsonResults
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Error(int statusCode, string errorCode, string message) =>
        Results.Json(new ErrorBody(errorCode, message), EmulatorJsonContext.Default.ErrorBody, ContentType, statusCode);
}
