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
    /// <summary>Shorter values are scrubbed only where they stand as a whole word, so "abc" goes and "abcdef" stays.</summary>
    private const int MinimumSubstringLength = 4;

    public const int DefaultMaxLength = 4096;

    /// <summary>
    /// Runs of token alphabet (base64, base64url, hex, JWT). A run is opaque when one of its
    /// '/'- or '.'-separated segments is long and mixes letters and digits: that catches keys,
    /// tokens, signatures and JWTs a service might echo, and spares paths and host names.
    /// </summary>
    private static readonly Regex TokenAlphabetRun = new(
        @"[A-Za-z0-9+/_\-.~=]{20,}", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const int OpaqueSegmentLength = 20;

    private readonly string[] _forms; // every form a secret may be echoed in, longest first, made once per request
    private readonly Regex? _shortValues; // secrets under MinimumSubstringLength, as whole words

    public Redactor(RedactionRules rules, IEnumerable<string>? sensitiveValues = null)
    {
        Rules = rules;
        var values = (sensitiveValues ?? Enumerable.Empty<string>()).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToList();
        _forms = values.Where(v => v.Length >= MinimumSubstringLength)
            .SelectMany(EchoedForms)
            .Where(f => f.Length >= MinimumSubstringLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(f => f.Length) // longest first, so a secret containing another is removed whole
            .ToArray();
        var shortValues = values.Where(v => v.Length < MinimumSubstringLength).SelectMany(EchoedForms).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _shortValues = shortValues.Count == 0
            ? null
            : new Regex($"(?<![\\p{{L}}\\p{{N}}])(?:{string.Join("|", shortValues.OrderByDescending(v => v.Length).Select(Regex.Escape))})(?![\\p{{L}}\\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The forms a service may echo a secret in: as sent, URL-encoded (%20 and +), HTML-escaped,
    /// JSON-escaped and Base64 (standard and URL-safe, as of the secret alone). Letter case is
    /// ignored when matching (for Base64 too: that removes more, never less).
    /// </summary>
    private static IEnumerable<string> EchoedForms(string value)
    {
        yield return value;
        yield return Uri.EscapeDataString(value);
        yield return System.Net.WebUtility.UrlEncode(value);
        yield return System.Net.WebUtility.HtmlEncode(value);
        yield return System.Text.Json.JsonEncodedText.Encode(value).ToString();
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        yield return base64;
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
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
    /// Removes only the secrets this request carried (in every form they may be echoed in), leaving
    /// other opaque text alone: for values that are opaque by nature and must stay readable, such
    /// as a request id a support desk asks for.
    /// </summary>
    public string RemoveKnownSecrets(string text, int maxLength = DefaultMaxLength)
    {
        var result = text;
        foreach (var form in _forms)
        {
            if (result.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                result = result.Replace(form, RedactionRules.Redacted, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (_shortValues is not null)
        {
            result = _shortValues.Replace(result, RedactionRules.Redacted);
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
