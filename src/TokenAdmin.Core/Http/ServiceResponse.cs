using System;
using System.Collections.Generic;

namespace TokenAdmin.Core.Http;

/// <summary>A completed HTTP exchange (any status), as service clients and error readers see it.</summary>
public sealed class ServiceResponse
{
    public ServiceResponse(int statusCode, string? reasonPhrase, string? content, string? contentType,
        IReadOnlyDictionary<string, string> headers, int attempts, TimeSpan elapsed)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Content = content ?? string.Empty;
        ContentType = contentType;
        Headers = headers;
        Attempts = attempts;
        Elapsed = elapsed;
    }

    public int StatusCode { get; }

    public string? ReasonPhrase { get; }

    public string Content { get; }

    public string? ContentType { get; }

    /// <summary>Response and content headers, case-insensitive, values of repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public int Attempts { get; }

    public TimeSpan Elapsed { get; }

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>
    /// An earlier attempt's outcome was unknown and this one found the work already done (see
    /// <see cref="ServiceRequest.AlreadyDoneStatus"/>): the request succeeded, though this
    /// response's status says "not found".
    /// </summary>
    public bool AlreadyDone { get; private init; }

    internal ServiceResponse AsAlreadyDone() =>
        new(StatusCode, ReasonPhrase, Content, ContentType, Headers, Attempts, Elapsed) { AlreadyDone = true, CredentialSent = CredentialSent };

    /// <summary>What the answered attempt carried, by name (PowerClerk: which second factor); null when its authenticator does not say.</summary>
    public Authentication.ICredentialSent? CredentialSent { get; internal set; }

    /// <summary>What the route's classifier parsed from this success; null when it parsed nothing (or the work was already done).</summary>
    public object? Body { get; private set; }

    /// <summary>The classifier's parsed body as the type the client's own classifier gives.</summary>
    public T BodyAs<T>() => Body is T body ? body : throw new InvalidOperationException($"The answer was classified without a {typeof(T).Name} body.");

    internal ServiceResponse WithBody(object? body)
    {
        Body = body;
        return this;
    }

    /// <summary>The service's request id, from the usual headers, if it sent one that looks like one (<see cref="Text.RequestIds"/>).</summary>
    public string? RequestId
    {
        get
        {
            foreach (var name in RequestIdHeaders)
            {
                if (Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return Text.RequestIds.Safe(value);
                }
            }

            return null;
        }
    }

    internal static readonly string[] RequestIdHeaders = { "X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "X-MS-Request-Id" };

    /// <summary>"an HTML page", "a text/plain body": what came back, for messages about an unexpected body.</summary>
    public string DescribeContent()
    {
        var mediaType = ContentType?.Split(';')[0].Trim();
        if (string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase)
            || Content.TrimStart().StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || Content.TrimStart().StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "an HTML page";
        }

        return string.IsNullOrEmpty(mediaType) ? "a body without a content type" : $"a {mediaType} body";
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
