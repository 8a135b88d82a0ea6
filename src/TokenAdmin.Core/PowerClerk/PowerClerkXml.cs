using System;
using System.Linq;
using System.Xml.Linq;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>PowerClerk request and response bodies, read through <see cref="TolerantXml"/>.</summary>
internal static class PowerClerkXml
{
    public static string CreateBody(int? expiresAfterMinutes)
    {
        var element = new XElement(PowerClerkProtocol.CreateRequestElement);
        if (expiresAfterMinutes is { } minutes)
        {
            element.SetAttributeValue(PowerClerkProtocol.ExpiresAfterMinutesAttribute, minutes);
        }

        return element.ToString(SaveOptions.DisableFormatting);
    }

    /// <exception cref="FormatException">No TokenId or Token in the body.</exception>
    public static MfaSessionTokenInfo ReadCreated(string body) =>
        ReadCreated(TolerantXml.Parse(body) ?? throw new FormatException("an empty body, not a CreateMfaSessionTokenResponse"));

    /// <exception cref="FormatException">No TokenId or Token in the document.</exception>
    public static MfaSessionTokenInfo ReadCreated(XElement root)
    {
        var response = TolerantXml.Find(root, PowerClerkProtocol.CreateResponseElement) ?? root;
        var tokenId = TolerantXml.Value(response, PowerClerkProtocol.TokenIdField) ?? throw new FormatException("no TokenId in the answer");
        if (!PowerClerkProtocol.TokenIdPattern.IsMatch(tokenId))
        {
            throw new FormatException("a TokenId that is not letters and digits");
        }

        var token = TolerantXml.Value(response, PowerClerkProtocol.TokenField) ?? throw new FormatException("no Token in the answer");
        if (SecretText.HeaderProblem(token) is not null)
        {
            throw new FormatException("a Token that the X-MfaSessionToken header could not carry"); // never quoted
        }

        return new MfaSessionTokenInfo(tokenId, SecretText.Protect(token), TolerantXml.Date(TolerantXml.Value(response, PowerClerkProtocol.ExpiresAtField)));
    }
}

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

/// <summary>[assume] PowerClerk errors: XML with a code and a message in any shape, plain text, or nothing.</summary>
internal sealed class PowerClerkErrorReader : IServiceErrorReader
{
    public ServiceError? Read(ServiceResponse response)
    {
        var kind = BodyKinds.Detect(response.Content, response.ContentType);
        if (kind == BodyKind.Xml && TolerantXml.Parse(response.Content) is { } root)
        {
            return Read(root);
        }

        return ServiceError.FromText(response);
    }

    /// <summary>The code and message of an XML error document, in any of the shapes PowerClerk may use.</summary>
    public static ServiceError? Read(XElement root)
    {
        var code = PowerClerkProtocol.ErrorCodeFields.Select(f => TolerantXml.Value(root, f)).FirstOrDefault(v => v is not null);
        var message = PowerClerkProtocol.ErrorMessageFields.Select(f => TolerantXml.Value(root, f)).FirstOrDefault(v => v is not null)
            ?? (root.HasElements ? null : (string.IsNullOrWhiteSpace(root.Value) ? null : root.Value.Trim()));
        return code is null && message is null ? null : new ServiceError(code, message);
    }
}
