using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>The emulator's PowerClerk error bodies: &lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt; (TokenAdmin also reads text or nothing).</summary>
internal static class PowerClerkErrors
{
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string InvalidApiKey = "INVALID_API_KEY";
    public const string MfaRequired = "MFA_REQUIRED";
    public const string InvalidMfa = "INVALID_MFA";
    public const string TotpRequired = "TOTP_REQUIRED";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";
    public const string InvalidRequest = "INVALID_REQUEST";

    public static IResult Error(int status, string code, string message) => Results.Content(
        new XElement("Error", new XElement("Code", code), new XElement("Message", message)).ToString(SaveOptions.DisableFormatting),
        "application/xml", System.Text.Encoding.UTF8, status);

    public static IResult Fault(int status) => Error(status, FaultResponses.ErrorCodeFor(status), FaultResponses.MessageFor(status));
}
