using System;
using System.Collections.Generic;
using System.Net.Http;

namespace TokenAdmin.Core.Http;

/// <summary>
/// A request as a service client describes it. The HTTP core turns it into one
/// <see cref="OutgoingRequest"/> per attempt, so authentication (a fresh JWT, a new
/// signature time) is applied again on every retry.
/// </summary>
public sealed class ServiceRequest
{
    private Func<string>? _describe;
    private string? _operation;

    public ServiceRequest(HttpMethod method, string path, string operation)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        IsRead = method == HttpMethod.Get || method == HttpMethod.Head;
        Path = (path ?? throw new ArgumentNullException(nameof(path))).TrimStart('/');
        _operation = operation;
    }

    /// <summary>
    /// For an operation whose words cost work (a token's fingerprint is a SHA-256): made only when
    /// a log line or an error needs them, so a bulk run that logs nothing never computes them.
    /// </summary>
    public ServiceRequest(HttpMethod method, string path, Func<string> describeOperation)
        : this(method, path, operation: null!)
    {
        _describe = describeOperation ?? throw new ArgumentNullException(nameof(describeOperation));
    }

    public HttpMethod Method { get; }

    /// <summary>Relative to the connection's base URL.</summary>
    public string Path { get; }

    /// <summary>What the request does, in words, for logs and error messages ("list auth tokens").</summary>
    public string Operation
    {
        get
        {
            if (_operation is null && _describe is { } describe)
            {
                _operation = describe();
                _describe = null;
            }

            return _operation ?? string.Empty;
        }
    }

    public List<KeyValuePair<string, string>> Query { get; } = new();

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>
    /// Whether repeating the request is harmless when its outcome is unknown (connection lost,
    /// timeout, 502/504). Defaults from the method: POST and PATCH are not.
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// The request only reads (a GET, or a look-up sent as POST): its failure never leaves a change
    /// whose outcome is unknown. Defaults from the method.
    /// </summary>
    public bool IsRead { get; init; }

    /// <summary>
    /// A status that, answering a retry after an attempt whose outcome is unknown (connection lost,
    /// timeout, 502/504), means that earlier attempt did the work: a DELETE that then finds the
    /// item gone (404). The core reports success then, not a false "not found".
    /// </summary>
    public int? AlreadyDoneStatus { get; init; }

    /// <summary>
    /// Another status that means the same for this request: a 401 to the retry of a request that
    /// authenticates with the very item it deletes (PowerClerk's current MST), which is gone now.
    /// </summary>
    public int? AlsoAlreadyDoneStatus { get; init; }

    /// <summary>Like <see cref="AlreadyDoneStatus"/>, for a service that says "gone" with its own error code (apstrata INVALID_TOKEN).</summary>
    public string? AlreadyDoneErrorCode { get; init; }

    /// <summary>
    /// What the service documents as success, beyond a 2xx status, judged by reading the body once
    /// (see <see cref="SuccessReading"/>): the parsed body, a failure reported inside it
    /// (<c>{"success":false,...}</c>, an apstrata <c>failure</c> status), or why it is not success (an
    /// HTML login page, a malformed body). Null: any 2xx is success.
    /// </summary>
    public Func<ServiceResponse, SuccessReading>? Classify { get; init; }

    /// <summary>What the service's authenticator needs to know about this request (PowerClerk: which second factor); null for most.</summary>
    public Authentication.IAuthenticationHint? Authentication { get; init; }

    /// <summary>Values carried by this request that must never appear in a log or an error (a token being revoked).</summary>
    public List<string> SensitiveValues { get; } = new();

    public ServiceRequest WithBody(string body, string contentType)
    {
        Body = body;
        ContentType = contentType;
        return this;
    }

    public static bool IsIdempotentMethod(HttpMethod method) =>
        method != HttpMethod.Post && method != HttpMethod.Patch;

    public static ServiceRequest Create(HttpMethod method, string path, string operation) =>
        new(method, path, operation) { Idempotent = IsIdempotentMethod(method) };

    internal OutgoingRequest ToOutgoing() => new(this);
}
