using TokenAdmin.Core.Http;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.SecurId;

/// <summary>[assume] SecurID errors are JSON with a message and maybe a code; plain text is quoted as the message.</summary>
internal sealed class SecurIdErrorReader : IServiceErrorReader
{
    public ServiceError? Read(ServiceResponse response)
    {
        var kind = BodyKinds.Detect(response.Content, response.ContentType);
        if (kind == BodyKind.Json)
        {
            var (code, message) = SecurIdJson.ReadError(response.Content);
            return code is null && message is null ? null : new ServiceError(code, message);
        }

        // "Unable to complete service call" may arrive as text.
        return ServiceError.FromText(response);
    }
}
