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

    /// <summary>
    /// The lookup's and the delete's answer, read once (<see cref="Http.ServiceRequest.Classify"/>): the
    /// details of the token asked for (<see cref="SecurIdTokenInfo"/>), or nothing (a delete may say
    /// no more), are success; an error object ({"code":..,"message":..} and no tokenSerialNumber) is
    /// the service's own error; another token's details, or anything else, is not an answer to it.
    /// </summary>
    public static Http.SuccessReading Classify(Http.ServiceResponse response, string requestedSerial)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return Http.SuccessReading.Success();
        }

        JsonElement root;
        try
        {
            root = TolerantJson.Parse(response.Content);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Http.SuccessReading.NotSuccess(ex.Message);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Http.SuccessReading.NotSuccess("expected an object with token details");
        }

        if (Text(root, "tokenSerialNumber") is not { } serial)
        {
            var (code, message) = ReadError(root);
            if (code is not null || message is not null)
            {
                return Http.SuccessReading.Failure(new Http.ServiceError(code, message));
            }
        }
        else if (!string.Equals(serial, requestedSerial, StringComparison.Ordinal))
        {
            return Http.SuccessReading.NotSuccess($"the details of token {TokenAdmin.Core.Text.EchoedText.Of(serial)}, not of {requestedSerial}");
        }

        return Http.SuccessReading.Success(ReadToken(root, requestedSerial));
    }

    private static SecurIdTokenInfo ReadToken(JsonElement root, string requestedSerial) => new(
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

    /// <summary>[assume] {"message"|"errorMessage"|"error": .., "code": ..}.</summary>
    public static (string? Code, string? Message) ReadError(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadError(document.RootElement);
    }

    private static (string? Code, string? Message) ReadError(JsonElement root)
    {
        return (SecurIdProtocol.ErrorCodeFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null),
            SecurIdProtocol.ErrorMessageFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null));
    }

    private static string? Text(JsonElement element, string name) => TolerantJson.Text(element, name);

    private static DateTimeOffset? Date(JsonElement element, string name) => TolerantJson.Date(TolerantJson.Property(element, name));
}
