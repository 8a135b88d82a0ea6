using System;

namespace TokenAdmin;

/// <summary>
/// The exception of TokenAdmin's own errors, so scripts can name it:
/// <c>catch [TokenAdmin.TokenAdminException] { $_.Exception.ErrorId }</c>. Failed requests carry the
/// more specific <see cref="ServiceRequestException"/>. Invalid arguments keep .NET's own
/// ArgumentException. It lives in TokenAdmin.dll, the assembly PowerShell loads, because type
/// literals resolve only there (the engine in Dependencies/ loads in a private context).
/// </summary>
public class TokenAdminException : Exception
{
    public TokenAdminException(string message, string errorId)
        : base(message)
    {
        ErrorId = errorId;
    }

    /// <summary>The stable ErrorId (the first part of FullyQualifiedErrorId): "NotConnected", "InvalidCredential", ...</summary>
    public string ErrorId { get; }
}
