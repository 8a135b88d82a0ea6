using System;
using System.Collections.Generic;
using System.Net.Http;

namespace TokenAdmin.Core.Http;

/// <summary>One attempt of a <see cref="ServiceRequest"/>; authenticators add headers, parameters and secrets here.</summary>
public sealed class OutgoingRequest
{
    internal OutgoingRequest(ServiceRequest request)
    {
        Source = request;
        Query = new List<KeyValuePair<string, string>>(request.Query);
        Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        Body = request.Body;
        ContentType = request.ContentType;
        SensitiveValues = new List<string>(request.SensitiveValues);
    }

    public ServiceRequest Source { get; }

    public HttpMethod Method => Source.Method;

    public string Path => Source.Path;

    public List<KeyValuePair<string, string>> Query { get; }

    public Dictionary<string, string> Headers { get; }

    public string? Body { get; set; }

    public string? ContentType { get; set; }

    public List<string> SensitiveValues { get; }

    /// <summary>What this attempt carried, by name (set by the authenticator); kept on the attempt's failure.</summary>
    public Authentication.ICredentialSent? CredentialSent { get; set; }
}
