using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TokenAdmin.Core.Redaction;

/// <summary>
/// What may be shown in logs and errors, by allow-list: a header, query parameter or body field
/// is shown only when its name is listed here AND does not look like a secret. Everything else
/// prints as <see cref="Redacted"/>. A field the service adds tomorrow is therefore hidden until
/// somebody decides it is safe, which a deny-list cannot promise.
/// </summary>
public sealed class RedactionRules
{
    public const string Redacted = "REDACTED";

    /// <summary>Names that are never shown, even when a service's allow-list names them.</summary>
    private static readonly Regex SecretLikeName = new(
        "token|secret|passw|pwd|key|sig|auth|credential|cookie|totp|mst|jwt|session|bearer|assertion|private|pin$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Headers that carry no secret in any of the four services.</summary>
    private static readonly string[] CommonHeaders =
    {
        "Accept", "Accept-Encoding", "Cache-Control", "Connection", "Content-Encoding", "Content-Length",
        "Content-Type", "Date", "Expires", "Host", "Location", "Pragma", "Retry-After", "Server",
        "Transfer-Encoding", "User-Agent", "Vary", "WWW-Authenticate",
        "X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "X-MS-Request-Id",
    };

    public static RedactionRules Default { get; } = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

    private readonly HashSet<string> _headers;
    private readonly HashSet<string> _queryParameters;
    private readonly HashSet<string> _fields;

    public RedactionRules(IEnumerable<string> loggableFields, IEnumerable<string> loggableQueryParameters, IEnumerable<string> extraLoggableHeaders)
    {
        _fields = new HashSet<string>(loggableFields, StringComparer.OrdinalIgnoreCase);
        _queryParameters = new HashSet<string>(loggableQueryParameters, StringComparer.OrdinalIgnoreCase);
        _headers = new HashSet<string>(CommonHeaders.Concat(extraLoggableHeaders), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Convenience for services that only have body fields to allow.</summary>
    public static RedactionRules ForFields(params string[] loggableFields) =>
        new(loggableFields, Array.Empty<string>(), Array.Empty<string>());

    public static bool LooksSecret(string name) => SecretLikeName.IsMatch(name);

    public bool IsLoggableHeader(string name) =>
        _headers.Contains(name) && !(LooksSecret(name) && !name.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase));

    public bool IsLoggableQueryParameter(string name) => _queryParameters.Contains(name) && !LooksSecret(name);

    public bool IsLoggableField(string name) => _fields.Contains(name) && !LooksSecret(name);
}
