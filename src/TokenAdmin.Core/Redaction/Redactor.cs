using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TokenAdmin.Core.Redaction;

/// <summary>
/// Renders URLs, headers and bodies for -Verbose, -Debug and error messages. Two layers:
/// structure (allow-listed names, see <see cref="RedactionRules"/>) and values (every secret
/// the request carried, and anything that looks like an opaque token, is replaced wherever
/// it appears in free text).
/// </summary>
public sealed class Redactor
{
    /// <summary>Shortest value scrubbed by value; shorter ones would garble ordinary words.</summary>
    private const int MinimumSensitiveLength = 4;

    public const int DefaultMaxLength = 4096;

    /// <summary>
    /// Runs of token alphabet (base64, base64url, hex, JWT). A run is opaque when one of its
    /// '/'- or '.'-separated segments is long and mixes letters and digits: that catches keys,
    /// tokens, signatures and JWTs a service might echo, and spares paths and host names.
    /// </summary>
    private static readonly Regex TokenAlphabetRun = new(
        @"[A-Za-z0-9+/_\-.~=]{20,}", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const int OpaqueSegmentLength = 20;

    private readonly string[] _sensitiveValues;
    private readonly string?[] _encodedValues; // URL-encoded forms that differ, made once per request, not per text

    public Redactor(RedactionRules rules, IEnumerable<string>? sensitiveValues = null)
    {
        Rules = rules;
        _sensitiveValues = (sensitiveValues ?? Enumerable.Empty<string>())
            .Where(v => !string.IsNullOrEmpty(v) && v.Length >= MinimumSensitiveLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length) // longest first, so a secret containing another is removed whole
            .ToArray();
        _encodedValues = Array.ConvertAll(_sensitiveValues, v => Uri.EscapeDataString(v) is var encoded && encoded != v ? encoded : null);
    }

    public RedactionRules Rules { get; }

    /// <summary>Free text: removes known secrets (and their URL-encoded forms) and opaque token-like runs.</summary>
    public string Scrub(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = RemoveKnownSecrets(text, int.MaxValue);
        result = TokenAlphabetRun.Replace(result, run => IsOpaque(run.Value) ? RedactionRules.Redacted : run.Value);
        return Truncate(result, maxLength);
    }

    /// <summary>
    /// Removes only the secrets this request carried (and their URL-encoded forms), leaving other
    /// opaque text alone: for values that are opaque by nature and must stay readable, such as a
    /// request id a support desk asks for.
    /// </summary>
    public string RemoveKnownSecrets(string text, int maxLength = DefaultMaxLength)
    {
        var result = text;
        for (var i = 0; i < _sensitiveValues.Length; i++)
        {
            result = result.Replace(_sensitiveValues[i], RedactionRules.Redacted, StringComparison.Ordinal);
            if (_encodedValues[i] is { } encoded)
            {
                result = result.Replace(encoded, RedactionRules.Redacted, StringComparison.OrdinalIgnoreCase);
            }
        }

        return Truncate(result, maxLength);
    }

    /// <summary>scheme://host/path?allowed=value&amp;other=REDACTED; user info is dropped.</summary>
    public string Url(Uri url)
    {
        var builder = new StringBuilder()
            .Append(url.Scheme).Append("://").Append(url.Host);
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port);
        }

        builder.Append(Scrub(url.AbsolutePath));
        if (url.Query.Length > 1)
        {
            builder.Append('?').Append(FormOrQuery(url.Query.Substring(1), Rules.IsLoggableQueryParameter));
        }

        return builder.ToString();
    }

    public string Header(string name, string value) =>
        Rules.IsLoggableHeader(name) ? Scrub(value, 512) : RedactionRules.Redacted;

    public string Headers(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join(Environment.NewLine, headers.Select(h => $"{h.Key}: {Header(h.Key, h.Value)}"));

    /// <summary>A request or response body, rendered by content type (JSON, XML, form, text).</summary>
    public string Body(string? body, string? contentType, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty)";
        }

        var kind = BodyKinds.Detect(body, contentType);
        var rendered = kind switch
        {
            BodyKind.Json => JsonBodyRedactor.Redact(body, this),
            BodyKind.Xml => XmlBodyRedactor.Redact(body, this),
            BodyKind.Form => FormOrQuery(body, Rules.IsLoggableField),
            _ => null,
        };

        return Truncate(rendered ?? Scrub(body, int.MaxValue), maxLength);
    }

    /// <summary>Value of an allow-listed field in a structured body: shown, but still scrubbed by value.</summary>
    internal string FieldValue(string name, string value) =>
        Rules.IsLoggableField(name) ? Scrub(value, int.MaxValue) : RedactionRules.Redacted;

    private string FormOrQuery(string encoded, Func<string, bool> isLoggable)
    {
        var parts = encoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            var rawName = equals < 0 ? pair : pair.Substring(0, equals);
            var name = SafeUnescape(rawName);
            if (equals < 0)
            {
                return Scrub(rawName);
            }

            var value = pair.Substring(equals + 1);
            return $"{Scrub(rawName)}={(isLoggable(name) ? Scrub(value) : RedactionRules.Redacted)}";
        });
        return string.Join("&", parts);
    }

    private static bool IsOpaque(string run) =>
        run.Split('/', '.').Any(segment => segment.Length >= OpaqueSegmentLength
            && segment.Any(char.IsAsciiDigit) && segment.Any(char.IsAsciiLetter));

    private static string SafeUnescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    private static string Truncate(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), $"... ({text.Length - maxLength} more characters)");
}
