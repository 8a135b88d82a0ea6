using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// Reads a TokenInfoTO body by hand: minimal APIs do not infer a body for DELETE, and reading it
/// ourselves lets authentication run first and every failure use HDC's error shape.
/// </summary>
internal static class HdcRequestBody
{
    public static async Task<Outcome<HdcTokenRequest>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await RequestBodyText.ReadAsync(request, cancellationToken);

        // Order as Spring's body resolution: an empty body is 400, a non-JSON one 415, bad JSON 400.
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("A JSON request body is required.");
        }

        if (!JsonContentType.Matches(request.ContentType))
        {
            return Outcome<HdcTokenRequest>.Fail(JsonResults.Error(
                StatusCodes.Status415UnsupportedMediaType,
                HdcErrorCodes.UnsupportedMediaType,
                "Send the body as Content-Type: application/json."));
        }

        try
        {
            var body = JsonSerializer.Deserialize(text, HdcJsonContext.Default.HdcTokenRequest);
            return body is null ? Invalid("The request body must be a JSON object.") : body;
        }
        catch (JsonException)
        {
            return Invalid("The request body is not a valid TokenInfoTO JSON object.");
        }
    }

    public static Outcome<T> Invalid<T>(string message)
        where T : class =>
        Outcome<T>.Fail(JsonResults.Error(StatusCodes.Status400BadRequest, HdcErrorCodes.InvalidRequest, message));

    private static Outcome<HdcTokenRequest> Invalid(string message) => Invalid<HdcTokenRequest>(message);
}
