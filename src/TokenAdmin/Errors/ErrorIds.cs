namespace TokenAdmin.Errors;

/// <summary>
/// ErrorIds shared by every service. Stable: scripts match on them
/// (<c>$_.FullyQualifiedErrorId -like 'RateLimited,*'</c>). Service-specific ones live with the service.
/// </summary>
internal static class ErrorIds
{
    public const string NotConnected = "NotConnected";
    public const string ConnectionClosed = "ConnectionClosed";
    public const string InvalidEndpoint = "InvalidEndpoint";
    public const string ConnectFailed = "ConnectFailed";
    public const string InvalidCredential = "InvalidCredential";
    public const string InvalidArgument = "InvalidArgument";
    public const string InvalidPipelineInput = "InvalidPipelineInput";
    public const string InvalidRequest = "InvalidRequest";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string PermissionDenied = "PermissionDenied";
    public const string NotFound = "NotFound";
    public const string Conflict = "Conflict";
    public const string RateLimited = "RateLimited";
    public const string ServiceError = "ServiceError";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string RequestFailed = "RequestFailed";
    public const string RequestTimeout = "RequestTimeout";
    public const string ConnectionFailed = "ConnectionFailed";
    public const string CertificateRejected = "CertificateRejected";
    public const string UnexpectedRedirect = "UnexpectedRedirect";
    public const string UnexpectedResponse = "UnexpectedResponse";
    public const string ResponseTooLarge = "ResponseTooLarge";
    public const string AuditLogNotWritable = "AuditLogNotWritable";
    public const string AuditLineNotWritten = "AuditLineNotWritten";
    public const string AuditLogStopped = "AuditLogStopped";
}
