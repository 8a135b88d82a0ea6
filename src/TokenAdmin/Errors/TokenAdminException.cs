using System;
using System.Collections.Generic;

namespace TokenAdmin;

/// <summary>
/// The exception of TokenAdmin's own errors, so scripts can name it:
/// <c>catch [TokenAdmin.TokenAdminException] { $_.Exception.ErrorId }</c>. Failed requests carry the
/// more specific <see cref="ServiceRequestException"/>. Every error the module raises carries one of
/// them; where .NET's own exception said it first (an ArgumentException for an unknown context name),
/// that one is the InnerException. It lives in TokenAdmin.dll, the assembly PowerShell loads, because type
/// literals resolve only there (the engine in Dependencies/ loads in a private context).
/// </summary>
public class TokenAdminException : Exception
{
    public TokenAdminException(string message, string errorId)
        : base(message)
    {
        ErrorId = errorId;
    }

    public TokenAdminException(string message, string errorId, Exception? innerException)
        : base(message, innerException)
    {
        ErrorId = errorId;
    }

    /// <summary>The stable ErrorId (the first part of FullyQualifiedErrorId): "NotConnected", "InvalidCredential", ...</summary>
    public string ErrorId { get; }

    /// <summary>
    /// When the error stopped a bulk command: the items it received and never sent, ready to pipe back
    /// into the same command once the cause is fixed. Input still in the pipeline when it stopped was
    /// never received and is not here: run the query that produced it again. Serial numbers and logins
    /// as text; HDC tokens as <see cref="AuthTokenReference"/>, whose value is a SecureString. Empty otherwise.
    /// </summary>
    public IReadOnlyList<object> NotAttempted { get; internal init; } = Array.Empty<object>();
}
