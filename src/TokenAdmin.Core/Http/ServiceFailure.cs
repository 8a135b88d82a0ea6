namespace TokenAdmin.Core.Http;

/// <summary>What went wrong, coarsely: cmdlets pick the ErrorId and category from it and the status code.</summary>
public enum ServiceFailure
{
    /// <summary>The service answered with a non-success status.</summary>
    HttpStatus,

    /// <summary>No connection could be made, or it broke before a response arrived.</summary>
    ConnectionFailed,

    /// <summary>No response within -TimeoutSec.</summary>
    Timeout,

    /// <summary>The server's TLS certificate was not trusted.</summary>
    CertificateRejected,

    /// <summary>The service answered with a redirect, which TokenAdmin does not follow with credentials.</summary>
    Redirected,

    /// <summary>The service answered 2xx, but not with what it documents as success (an HTML page, an unreadable body, "success": false).</summary>
    UnexpectedResponse,

    /// <summary>The service answered 2xx but reported a failure in the body, with its own error code.</summary>
    ReportedInSuccess,

    /// <summary>The response body was larger than TokenAdmin reads (<see cref="ConnectionOptions.MaxResponseBytes"/>).</summary>
    ResponseTooLarge,

    /// <summary>The base URL (or another connection setting) is not allowed; nothing was sent.</summary>
    InvalidEndpoint,

    /// <summary>Credentials could not be used (unreadable key, wrong format); nothing was sent.</summary>
    InvalidCredential,
}
