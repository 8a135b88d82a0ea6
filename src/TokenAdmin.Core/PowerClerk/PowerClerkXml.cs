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
    public static MfaSessionTokenInfo ReadCreated(string body)
    {
        var root = TolerantXml.Parse(body) ?? throw new FormatException("an empty body, not a CreateMfaSessionTokenResponse");
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
    /// A 2xx whose body is an XML error (&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;, any names' case): the
    /// error it reports, or null. Such an answer is a failure with PowerClerk's own code, never a success.
    /// </summary>
    public static ServiceError? FailureInSuccess(ServiceResponse response)
    {
        if (BodyKinds.Detect(response.Content, response.ContentType) != BodyKind.Xml)
        {
            return null;
        }

        try
        {
            return TolerantXml.Parse(response.Content) is { } root && IsError(root) ? new PowerClerkErrorReader().Read(response) : null;
        }
        catch (FormatException)
        {
            return null; // not XML: the success check says so
        }
    }

    /// <summary>[doc] A deleted MST is answered with no body: anything else (a login page, text, an XML document) is not that.</summary>
    public static string? DeleteProblem(ServiceResponse response) =>
        string.IsNullOrWhiteSpace(response.Content) ? null : $"{response.DescribeContent()}, where PowerClerk answers a deletion with no body";

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
            var code = PowerClerkProtocol.ErrorCodeFields.Select(f => TolerantXml.Value(root, f)).FirstOrDefault(v => v is not null);
            var message = PowerClerkProtocol.ErrorMessageFields.Select(f => TolerantXml.Value(root, f)).FirstOrDefault(v => v is not null)
                ?? (root.HasElements ? null : (string.IsNullOrWhiteSpace(root.Value) ? null : root.Value.Trim()));
            return code is null && message is null ? null : new ServiceError(code, message);
        }

        return ServiceError.FromText(response);
    }
}
