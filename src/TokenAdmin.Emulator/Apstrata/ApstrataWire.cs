using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// The emulator's own reading of apstrata signatures and its answers (XML by default, JSON on
/// request). Written apart from TokenAdmin's code, as a real server is.
/// </summary>
internal static class ApstrataWire
{
    private const string Namespace = "http://www.apstrata.com/services/schemas/apstrata_database_response.xsd";

    public static string Encode(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b =>
            (char)b is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'
                ? ((char)b).ToString()
                : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    public static string UserKey(string password) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password)));

    public static bool SignatureMatches(HttpRequest request, IReadOnlyList<KeyValuePair<string, string>> parameters, string authKey, string action, string? login, string key)
    {
        var given = parameters.FirstOrDefault(p => p.Key == "apsws.authSig").Value ?? string.Empty;
        var time = parameters.FirstOrDefault(p => p.Key == "apsws.time").Value ?? string.Empty;
        var simple = string.Equals(parameters.FirstOrDefault(p => p.Key == "apsws.authMode").Value, "simple", StringComparison.OrdinalIgnoreCase);
        if (simple)
        {
            var expected = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(time + (login ?? authKey) + action + key)));
            return string.Equals(given, expected, StringComparison.OrdinalIgnoreCase); // [assume] the server ignores hex case
        }

        // A complex user signature has two readings among the vendor's own clients: the docs and the PHP SDK
        // encode apsws.user like every value, the Java SDK signs it as it is. The real rule is unknown, so
        // the emulator accepts both rather than give false confidence in either.
        return Complex(request, parameters, key, encodeUser: true).Equals(given, StringComparison.OrdinalIgnoreCase)
            || (login is not null && Complex(request, parameters, key, encodeUser: false).Equals(given, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>HMAC-SHA1 of method, encoded URL and the sorted encoded pairs; apsws.user raw when not <paramref name="encodeUser"/>.</summary>
    internal static string Complex(HttpRequest request, IReadOnlyList<KeyValuePair<string, string>> parameters, string key, bool encodeUser)
    {
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var pairs = parameters.Where(p => p.Key != "apsws.authSig")
            .Select(p => Encode(p.Key) + "=" + (p.Key == "apsws.user" && !encodeUser ? p.Value : Encode(p.Value)))
            .Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal);
        var text = request.Method + "\n" + Encode(url) + "\n" + string.Join("&", pairs);
        return Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));
    }

    public static IResult Success(bool json, IReadOnlyDictionary<string, string>? result = null) => Answer(json, StatusCodes.Status200OK, "success", null, null, result);

    public static IResult Failure(bool json, int status, string code, string detail) => Answer(json, status, "failure", code, detail, null);

    private static IResult Answer(bool json, int status, string outcome, string? code, string? detail, IReadOnlyDictionary<string, string>? result)
    {
        var requestId = Guid.NewGuid().ToString("N");
        if (json)
        {
            var metadata = new Dictionary<string, object?> { ["requestId"] = requestId, ["status"] = outcome, ["errorCode"] = code, ["errorDetail"] = detail };
            var response = new Dictionary<string, object?> { ["metadata"] = metadata };
            if (result is not null)
            {
                response["result"] = result;
            }

            return Results.Content(JsonSerializer.Serialize(new Dictionary<string, object?> { ["response"] = response }), "application/json", Encoding.UTF8, status);
        }

        XNamespace ns = Namespace;
        var xml = new XElement(ns + "response",
            new XElement(ns + "metadata",
                new XElement(ns + "requestId", requestId),
                new XElement(ns + "status", outcome),
                new XElement(ns + "errorCode", code ?? string.Empty),
                new XElement(ns + "errorDetail", detail ?? string.Empty)));
        if (result is not null)
        {
            xml.Add(new XElement(ns + "result", result.Select(r => new XElement(ns + r.Key, r.Value))));
        }

        return Results.Content(xml.ToString(SaveOptions.DisableFormatting), "text/xml", Encoding.UTF8, status);
    }
}
