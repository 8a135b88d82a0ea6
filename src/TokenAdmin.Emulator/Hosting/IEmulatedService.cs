using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>
/// One emulated web service (HDC today; SecurID, PowerClerk and apstrata next). The host mounts
/// each under its own base path and treats them alike for reset, the admin info and the banner.
/// </summary>
internal interface IEmulatedService
{
    /// <summary>Short lower-case key, also the first segment of the base path, e.g. "hdc".</summary>
    string Key { get; }

    /// <summary>The endpoint names of the service's routes (fault keys, journal route names).</summary>
    IReadOnlyList<string> RouteNames { get; }

    /// <summary>Maps the routes below the service's base path (the group is already <c>/{Key}</c>).</summary>
    void MapEndpoints(IEndpointRouteBuilder serviceRoot);

    /// <summary>Back to seed data.</summary>
    void Reset();

    /// <summary>What a person or script needs to call the service: base URL and demo credentials.</summary>
    EmulatedServiceInfo Describe(Uri serviceBaseUri);
}
