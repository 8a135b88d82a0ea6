namespace TokenAdmin.Emulator;

/// <summary>The errorCode values of HDC failure bodies (SERVICES.md §4 assumption).</summary>
internal static class HdcErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string InvalidUser = "INVALID_USER";
    public const string ContextRequired = "CONTEXT_REQUIRED";
    public const string InvalidContext = "INVALID_CONTEXT";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";
    public const string NotAuthenticated = "NOT_AUTHENTICATED";
    public const string AccessDenied = "ACCESS_DENIED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
}
