using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace TokenAdmin.Emulator;

/// <summary>
/// What a service's requests carry as credentials outside the Authorization header, so the journal can
/// keep everything else: <see cref="Fields"/> are query, form or JSON-body fields (an HDC token value,
/// apstrata's token and signature) that the journal replaces with <c>redacted:</c> and the value's
/// fingerprint (the first 12 hex digits of its SHA-256: a test can still tell which token was sent).
/// <see cref="Scheme"/> names how a request authenticated when the Authorization header does not say it.
/// </summary>
internal sealed record JournalCredentials(IReadOnlyList<string> Fields, Func<IReadOnlyDictionary<string, string>, string?>? Scheme = null)
{
    public const string Withheld = "(withheld: an unreadable body that may hold a credential)";

    public static JournalCredentials None { get; } = new([]);

    public static string Redacted(string value) => "redacted:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];

    /// <summary>The query string (with its '?') with every credential field's value redacted.</summary>
    public string ScrubQuery(string query) =>
        Fields.Count == 0 || query.Length < 2 ? query : "?" + ScrubForm(query[1..]);

    /// <summary>The body with every credential field's value redacted; withheld whole when it names one and cannot be read.</summary>
    public string? ScrubBody(string? body, string? contentType)
    {
        if (Fields.Count == 0 || string.IsNullOrEmpty(body))
        {
            return body;
        }

        if (MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return ScrubForm(body);
        }

        if (!Fields.Any(field => body.Contains(field, StringComparison.OrdinalIgnoreCase)))
        {
            return body; // nothing to redact: kept byte for byte
        }

        try
        {
            var node = JsonNode.Parse(body);
            return node is not null && ScrubJson(node) ? node.ToJsonString() : body;
        }
        catch (JsonException)
        {
            return Withheld;
        }
    }

    /// <summary>The query's and form body's fields by name (the first of each), for <see cref="Scheme"/>.</summary>
    public static IReadOnlyDictionary<string, string> FieldsOf(string query, string? body, string? contentType)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string form)
        {
            foreach (var (name, value) in Pairs(form))
            {
                fields.TryAdd(name, value);
            }
        }

        Add(query.StartsWith('?') ? query[1..] : query);
        if (body is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            Add(body);
        }

        return fields;
    }

    private bool IsCredential(string name) => Fields.Any(field => field.Equals(name, StringComparison.OrdinalIgnoreCase));

    private string ScrubForm(string form) => string.Join('&', form.Split('&').Select(pair =>
    {
        var equals = pair.IndexOf('=');
        return equals > 0 && IsCredential(Decode(pair[..equals])) ? pair[..(equals + 1)] + Uri.EscapeDataString(Redacted(Decode(pair[(equals + 1)..]))) : pair;
    }));

    private bool ScrubJson(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    if (value is JsonValue leaf && IsCredential(name))
                    {
                        obj[name] = Redacted(leaf.TryGetValue<string>(out var text) ? text : leaf.ToJsonString());
                        changed = true;
                    }
                    else if (value is not null)
                    {
                        changed |= ScrubJson(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= item is not null && ScrubJson(item);
                }

                break;
        }

        return changed;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(parts => (Decode(parts[0]), parts.Length > 1 ? Decode(parts[1]) : string.Empty));

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
