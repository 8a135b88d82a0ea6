using System;

namespace TokenAdmin.Core.Http;

/// <summary>Reads a service's error body (each service has its own shape).</summary>
public interface IServiceErrorReader
{
    ServiceError? Read(ServiceResponse response);
}
