using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>
/// One emulated web service (HDC, SecurID, PowerClerk, apstrata). The host mounts each
/// under its own base path and treats them alike for reset, faults, the admin info and the banner.
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

    /// <summary>
    /// Adds what a test arranges (POST /_emulator/seed, the service's section of the body) on top of
    /// the seed data; Reset removes it again. Checks it all and returns what adds it (and counts the
    /// items added), so a request with a mistake anywhere adds nothing; throws <see cref="SeedException"/> naming it.
    /// </summary>
    Func<int> PrepareSeed(System.Text.Json.JsonElement section) => throw new SeedException($"The {Key} service has nothing to seed.");

    /// <summary>The credentials its requests carry outside the Authorization header: the journal never keeps them.</summary>
    JournalCredentials JournalCredentials => JournalCredentials.None;

    /// <summary>
    /// The default response of an injected status fault on one of the service's routes, in the
    /// service's own error shape, so clients parse a fault as they would parse the real failure.
    /// </summary>
    IResult InjectedFault(int statusCode);

    /// <summary>
    /// Once the command-line emulator listens: whatever the service prepares for people (SecurID
    /// writes its demo key files). The result undoes it on exit; null when there is nothing to undo.
    /// Throws IOException or UnauthorizedAccessException when it cannot.
    /// </summary>
    IDisposable? OnStarted(EmulatorHost host) => null;

    /// <summary>What a person or script needs to call the service: base URLs and demo credentials.</summary>
    /// <param name="baseAddress">The host's HTTP base address (with the trailing slash).</param>
    /// <param name="httpsBaseAddress">The host's HTTPS base address; null without HTTPS.</param>
    EmulatedServiceInfo Describe(Uri baseAddress, Uri? httpsBaseAddress);
}
