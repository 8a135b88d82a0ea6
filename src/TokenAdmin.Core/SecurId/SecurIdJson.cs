using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.SecurId;

/// <summary>SecurID request and response bodies. Reading is tolerant: names in any case, dates as ISO 8601 or epoch milliseconds.</summary>
internal static class SecurIdJson
{
    public static string SerialBody(string serialNumber) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["tokenSerialNumber"] = serialNumber });

    /// <exception cref="FormatException">Not a token details object.</exception>
    public static SecurIdTokenInfo ReadToken(string json, string requestedSerial)
    {
        var root = TolerantJson.Parse(json);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected an object with token details");
        }

        return new SecurIdTokenInfo(
            Text(root, "tokenSerialNumber") ?? requestedSerial,
            Text(root, "deviceType"),
            Text(root, "tokenStatus"),
            Text(root, "userId"),
            Text(root, "assignedBy"),
            Date(root, "assignedAt"),
            Date(root, "registeredDate"),
            Date(root, "tokenStatusChangedAt"),
            Date(root, "expiryDate"),
            Text(root, "name"),
            TolerantJson.Bool(TolerantJson.Property(root, "pinSet")));
    }

    /// <summary>
    /// A 2xx whose JSON is an error ({"code":..,"message":..} and no tokenSerialNumber): what it reports,
    /// or null. Token details are the only success the lookup and the delete document.
    /// </summary>
    public static Http.ServiceError? FailureInSuccess(Http.ServiceResponse response)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(response.Content) || TolerantJson.Parse(response.Content) is not { ValueKind: JsonValueKind.Object } root
                || Text(root, "tokenSerialNumber") is not null)
            {
                return null;
            }

            var (code, message) = ReadError(response.Content);
            return code is null && message is null ? null : new Http.ServiceError(code, message);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null; // not JSON: ReadToken says so
        }
    }

    /// <summary>Details of another token than the one asked for are not an answer to this request.</summary>
    public static string? SerialProblem(Http.ServiceResponse response, string requestedSerial)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(response.Content) && TolerantJson.Parse(response.Content) is { ValueKind: JsonValueKind.Object } root
                && Text(root, "tokenSerialNumber") is { } serial && !string.Equals(serial, requestedSerial, StringComparison.Ordinal)
                ? $"the details of token {TokenAdmin.Core.Text.EchoedText.Of(serial)}, not of {requestedSerial}"
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>[assume] {"message"|"errorMessage"|"error": .., "code": ..}.</summary>
    public static (string? Code, string? Message) ReadError(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (SecurIdProtocol.ErrorCodeFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null),
            SecurIdProtocol.ErrorMessageFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null));
    }

    private static string? Text(JsonElement element, string name) => TolerantJson.Text(element, name);

    private static DateTimeOffset? Date(JsonElement element, string name) => TolerantJson.Date(TolerantJson.Property(element, name));
}
