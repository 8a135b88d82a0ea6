using TokenAdmin.Core.Http;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.Hdc;

/// <summary>[assume] HDC errors are JSON {"success":false,"errorCode","message"}; anything else has no service code.</summary>
internal sealed class HdcErrorReader : IServiceErrorReader
{
    public ServiceError? Read(ServiceResponse response)
    {
        if (BodyKinds.Detect(response.Content, response.ContentType) != BodyKind.Json)
        {
            return null;
        }

        var (code, message) = HdcJson.ReadError(response.Content);
        return code is null && message is null ? null : new ServiceError(code, message);
    }
}
