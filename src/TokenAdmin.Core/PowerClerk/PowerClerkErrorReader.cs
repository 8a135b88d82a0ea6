using System;
using System.Linq;
using System.Xml.Linq;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.PowerClerk;

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
