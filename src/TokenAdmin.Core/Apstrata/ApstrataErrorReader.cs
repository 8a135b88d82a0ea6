using System;
using System.Text.Json;
using System.Xml.Linq;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.Apstrata;

/// <summary>apstrata errors: the metadata's errorCode and errorDetail (or errorMessage), in XML or JSON.</summary>
internal sealed class ApstrataErrorReader : IServiceErrorReader
{
    public ServiceError? Read(ServiceResponse response) => ApstrataResponse.Failure(response) ?? ServiceError.FromText(response);
}
