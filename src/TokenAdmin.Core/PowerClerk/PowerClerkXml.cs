using System;
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
