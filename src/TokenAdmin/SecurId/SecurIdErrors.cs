using System.Collections.Generic;
using System.Management.Automation;
using TokenAdmin.Errors;

namespace TokenAdmin.SecurId;

/// <summary>SecurID's ErrorIds and what its statuses mean.</summary>
internal static class SecurIdErrors
{
    public const string SecurIdTokenNotFound = "SecurIdTokenNotFound";
    public const string SecurIdPermissionDenied = "SecurIdPermissionDenied";

    private const string ServiceName = "RSA SecurID";
    private const string ConnectCommand = "Connect-SecurIdAdmin";

    /// <summary>[doc] The service refuses a bad JWT with 403 as well: the clock and the key are worth checking.</summary>
    private const string JwtHint = "If the key is right, check that this computer's clock is correct (JWTs are time-bound) and that the key file is current.";

    private static readonly StatusMeaning NotFound = new(SecurIdTokenNotFound, ErrorCategory.ObjectNotFound,
        "Check the serial number (printed on the back of the token); it may have been deleted already.");

    public static ErrorVocabulary Lookup { get; } = new(ServiceName, ConnectCommand, new Dictionary<int, StatusMeaning>
    {
        [404] = NotFound,
        [403] = new(SecurIdPermissionDenied, ErrorCategory.PermissionDenied, $"The service refused the API key. {JwtHint}"),
    });

    public static ErrorVocabulary Delete { get; } = new(ServiceName, ConnectCommand, new Dictionary<int, StatusMeaning>
    {
        [404] = NotFound,
        [403] = new(SecurIdPermissionDenied, ErrorCategory.PermissionDenied,
            $"Deleting hardware tokens needs a Super Administrator API key: a Help Desk Administrator key cannot delete them. Connect with a Super Administrator key file (Connect-SecurIdAdmin -KeyFile). {JwtHint}"),
    });
}
