using System;

namespace TokenAdmin.Core.Http;

/// <summary>The error a service put in a response body, as its <see cref="IServiceErrorReader"/> read it.</summary>
public sealed record ServiceError(string? Code, string? Message, string? RequestId = null)
{
    /// <summary>A short plain-text body as the message ("Unable to complete service call"); null when empty or long. The redactor scrubs it before use.</summary>
    public static ServiceError? FromText(ServiceResponse response)
    {
        var text = response.Content.Trim();
        return Redaction.BodyKinds.Detect(response.Content, response.ContentType) == Redaction.BodyKind.Text && text.Length is > 0 and <= 500
            ? new ServiceError(null, text)
            : null;
    }
}
