using System;
using System.Linq;
using System.Xml.Linq;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>What PowerClerk documents as success, read from a 2xx (SERVICES.md §1).</summary>
internal static class PowerClerkSuccess
{
    /// <summary>
    /// The create's answer, read once: a CreateMfaSessionTokenResponse is success with the token; an
    /// XML error (&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;, any names' case) is PowerClerk's own
    /// error, also with a 2xx; anything else (a login page, text) is not an answer.
    /// </summary>
    public static SuccessReading ClassifyCreated(ServiceResponse response)
    {
        if (ErrorInSuccess(response, out var root) is { } error)
        {
            return SuccessReading.Failure(error);
        }

        try
        {
            return SuccessReading.Success(root is null ? PowerClerkXml.ReadCreated(response.Content) : PowerClerkXml.ReadCreated(root));
        }
        catch (FormatException ex)
        {
            return SuccessReading.NotSuccess(ex.Message);
        }
    }

    /// <summary>[doc] A deleted MST is answered with no body: an XML error is PowerClerk's own; anything else (a login page, text, an XML document) is not that.</summary>
    public static SuccessReading ClassifyDeleted(ServiceResponse response) =>
        ErrorInSuccess(response, out _) is { } error ? SuccessReading.Failure(error)
        : string.IsNullOrWhiteSpace(response.Content) ? SuccessReading.Success()
        : SuccessReading.NotSuccess($"{response.DescribeContent()}, where PowerClerk answers a deletion with no body");

    /// <summary>The error an XML body reports, or null; <paramref name="root"/>: the parsed document, when it is XML.</summary>
    private static ServiceError? ErrorInSuccess(ServiceResponse response, out XElement? root)
    {
        root = null;
        if (BodyKinds.Detect(response.Content, response.ContentType) != BodyKind.Xml)
        {
            return null;
        }

        try
        {
            root = TolerantXml.Parse(response.Content);
        }
        catch (FormatException)
        {
            return null; // not XML after all: the classifier says what it is
        }

        return root is not null && IsError(root) ? PowerClerkErrorReader.Read(root) : null;
    }

    private static bool IsError(XElement root) =>
        TolerantXml.Is(root, "Error") || TolerantXml.Is(root, "ErrorResponse") || TolerantXml.Is(root, "Errors")
        || (PowerClerkProtocol.ErrorCodeFields.Any(f => TolerantXml.Value(root, f) is not null) && TolerantXml.Value(root, PowerClerkProtocol.TokenIdField) is null);
}
