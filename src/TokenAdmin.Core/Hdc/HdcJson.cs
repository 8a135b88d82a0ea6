using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Wire;
using static TokenAdmin.Core.Wire.TolerantJson;

namespace TokenAdmin.Core.Hdc;

/// <summary>Reads and writes HDC bodies. Reading is tolerant (names in any case, numbers as strings).</summary>
internal static class HdcJson
{
    public static string CreateBody(long userId, IReadOnlyList<string> contextNames) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["userId"] = userId, ["context"] = contextNames });

    public static string UpdateBody(string token, long userId, IReadOnlyList<string> contextNames) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["token"] = token, ["userId"] = userId, ["context"] = contextNames });

    public static string DeleteBody(string token) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["token"] = token });

    /// <summary>
    /// Reads {"list":[...]} of tokens as it arrives, handing them on in batches (see <see cref="JsonListStream"/>).
    /// [assume] lastUpdate, when present, is epoch milliseconds (a Java long) or an ISO 8601 string.
    /// </summary>
    /// <exception cref="FormatException">The body is not {"list":[...]} of tokens, or has more than <paramref name="maxTokens"/>.</exception>
    public static Task ReadTokensAsync(Stream body, Func<IReadOnlyList<HdcTokenInfo>, CancellationToken, ValueTask> onTokens, long maxTokens,
        CancellationToken cancellationToken) =>
        JsonListStream.ReadAsync(body, HdcProtocol.ListProperty, ReadToken, onTokens, maxTokens, cancellationToken);

    internal static HdcTokenInfo ReadToken(JsonElement item)
    {
        var token = TolerantJson.String(item, "token");
        if (string.IsNullOrEmpty(token))
        {
            throw new FormatException("a token entry has no \"token\" value");
        }

        var userId = Long(Property(item, "userId")) ?? throw new FormatException("a token entry has no \"userId\"");
        var fullName = TolerantJson.String(item, "userFullName");
        return new HdcTokenInfo(userId, fullName, ReadTokenContexts(item), token, Date(Property(item, "lastUpdate")));
    }

    /// <exception cref="FormatException">The body is not {"list":[...]} of contexts.</exception>
    public static IReadOnlyList<HdcContext> ReadContexts(string json)
    {
        var result = new List<HdcContext>();
        foreach (var item in ReadList(json))
        {
            result.Add(ReadContext(item) ?? throw new FormatException("a context entry has no \"code\" and \"name\""));
        }

        return result;
    }

    private static IEnumerable<JsonElement> ReadList(string json)
    {
        var root = TolerantJson.Parse(json);
        if (root.ValueKind != JsonValueKind.Object || Property(root, HdcProtocol.ListProperty) is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new FormatException("expected {\"list\":[...]}");
        }

        return list.EnumerateArray();
    }

    /// <summary>[doc] "context":[{"name","code"}]; also tolerated: names only, or contextAsCodesArray.</summary>
    private static IReadOnlyList<HdcContext> ReadTokenContexts(JsonElement item)
    {
        var contexts = new List<HdcContext>();
        if (Property(item, "context") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var entry in array.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.String)
                {
                    contexts.Add(new HdcContext(0, entry.GetString()!));
                }
                else if (ReadContext(entry) is { } context)
                {
                    contexts.Add(context);
                }
            }
        }
        else if (Property(item, "contextAsCodesArray") is { ValueKind: JsonValueKind.Array } codes)
        {
            foreach (var code in codes.EnumerateArray())
            {
                if (Long(code) is { } value)
                {
                    contexts.Add(new HdcContext((int)value, string.Empty));
                }
            }
        }

        return contexts;
    }

    private static HdcContext? ReadContext(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = TolerantJson.String(element, "name");
        var code = Long(Property(element, "code"));
        return name is null || code is null ? null : new HdcContext((int)code.Value, name);
    }

    /// <summary>
    /// A 2xx to a write, read once: no body, or a JSON object, is success; <c>"success": false</c> is
    /// the service's own error; anything else (a login page, text, a JSON array) is not an answer.
    /// </summary>
    public static SuccessReading ClassifyWrite(ServiceResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return SuccessReading.Success();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(response.Content);
        }
        catch (JsonException)
        {
            return SuccessReading.NotSuccess($"{response.DescribeContent()}, not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return SuccessReading.NotSuccess("a JSON body that is not an object");
            }

            if (Property(root, HdcProtocol.SuccessField) is { ValueKind: JsonValueKind.False })
            {
                var (code, message) = ReadError(root);
                return SuccessReading.Failure(new ServiceError(code, message));
            }

            return SuccessReading.Success();
        }
    }

    /// <summary>[assume] {"success":false,"errorCode":"..","message":".."}.</summary>
    public static (string? Code, string? Message) ReadError(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadError(document.RootElement);
    }

    private static (string? Code, string? Message) ReadError(JsonElement root)
    {
        var code = Property(root, HdcProtocol.ErrorCodeField) is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
        var message = Property(root, HdcProtocol.ErrorMessageField) is { ValueKind: JsonValueKind.String } m ? m.GetString()
            : Property(root, "error") is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
        return (code, message);
    }
}
