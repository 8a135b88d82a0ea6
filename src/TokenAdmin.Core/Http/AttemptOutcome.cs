using System;

namespace TokenAdmin.Core.Http;

/// <summary>How one attempt ended, as far as retrying is concerned.</summary>
public enum AttemptOutcome
{
    /// <summary>The service answered; see the status code.</summary>
    Response,

    /// <summary>The request never left: connection refused, name not resolved, no route.</summary>
    NotSent,

    /// <summary>The connection broke after the request may have been sent: outcome unknown.</summary>
    ConnectionLost,

    /// <summary>No response within the timeout: outcome unknown.</summary>
    TimedOut,

    /// <summary>TLS refused the server's certificate. Repeating cannot help.</summary>
    CertificateRejected,

    /// <summary>The response was larger than TokenAdmin reads. Repeating would only read it again.</summary>
    ResponseTooLarge,
}
