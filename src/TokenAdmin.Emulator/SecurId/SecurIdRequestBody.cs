using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// Reads and validates <c>{"tokenSerialNumber":"..","tokenName":".."}</c> by hand: minimal APIs do
/// not bind a DELETE body, and by hand every failure is a 400 in the SecurID shape after
/// authentication ran. Names are case-sensitive and types strict; unknown members are ignored.
/// </summary>
internal static class SecurIdRequestBody
{
    public const int MaxSerialNumberLength = 36;
    public const int MaxTokenNameLength = 255;

    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowDuplicateProperties = false, // {"tokenSerialNumber":"a","tokenSerialNumber":"b"} names no one token.
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <param name="acceptsTokenName">Only assign takes <c>tokenName</c>; elsewhere it is an unknown member.</param>
    public static async Task<Outcome<SecurIdTokenRequest>> ReadAsync(HttpRequest request, bool acceptsTokenName, CancellationToken cancellationToken)
    {
        var text = await RequestBodyText.ReadAsync(request, cancellationToken);

        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("A JSON request body is required.");
        }

        // 400, not 415: the documented statuses of these routes have no 415.
        if (!JsonContentType.Matches(request.ContentType))
        {
            return Invalid("Send the body as Content-Type: application/json.");
        }

        try
        {
            using var document = JsonDocument.Parse(text, Strict);
            return Validate(document.RootElement, acceptsTokenName);
        }
        catch (JsonException)
        {
            return Invalid("The request body is not valid JSON.");
        }
    }

    private static Outcome<SecurIdTokenRequest> Validate(JsonElement body, bool acceptsTokenName)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Invalid("The request body must be a JSON object.");
        }

        if (!body.TryGetProperty("tokenSerialNumber", out var serial)
            || serial.ValueKind != JsonValueKind.String
            || serial.GetString() is not { } serialNumber
            || string.IsNullOrWhiteSpace(serialNumber)
            || serialNumber.Length > MaxSerialNumberLength)
        {
            return Invalid($"tokenSerialNumber is required: a string of 1 to {MaxSerialNumberLength} characters.");
        }

        string? tokenName = null;
        if (acceptsTokenName && body.TryGetProperty("tokenName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String || name.GetString()!.Length > MaxTokenNameLength)
            {
                return Invalid($"tokenName must be a string of at most {MaxTokenNameLength} characters.");
            }

            tokenName = name.GetString();
        }

        return new SecurIdTokenRequest(serialNumber, tokenName);
    }

    private static Outcome<SecurIdTokenRequest> Invalid(string message) => Outcome<SecurIdTokenRequest>.Fail(SecurIdErrors.Invalid(message));
}
