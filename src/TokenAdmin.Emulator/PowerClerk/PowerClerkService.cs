using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>PowerClerk's MFA session tokens (SERVICES.md §1), mounted at <c>/powerclerk</c>: the base URL a client is given.</summary>
internal sealed class PowerClerkService(PowerClerkState state) : IEmulatedService
{
    public const string ServiceKey = "powerclerk";

    public static IEmulatedServiceDefinition Definition { get; } = new EmulatedServiceDefinition(
        PowerClerkRouteNames.All, [], static emulator => new PowerClerkService(new PowerClerkState(emulator.TimeProvider)));

    public PowerClerkState State => state;

    public string Key => ServiceKey;

    public IReadOnlyList<string> RouteNames => PowerClerkRouteNames.All;

    public static Uri BaseUriFor(Uri baseAddress) => new(baseAddress, ServiceKey + "/");

    public void MapEndpoints(IEndpointRouteBuilder serviceRoot)
    {
        var api = serviceRoot.MapGroup(string.Empty).AddEndpointFilter(new PowerClerkAuthenticationFilter(state));
        new PowerClerkEndpoints(state).Map(api);
    }

    public void Reset() => state.Reset();

    public IResult InjectedFault(int statusCode) => PowerClerkErrors.Fault(statusCode);

    public EmulatedServiceInfo Describe(Uri baseAddress, Uri? httpsBaseAddress) => new(
        Key,
        "PowerClerk MFA session tokens",
        BaseUriFor(baseAddress).AbsoluteUri,
        httpsBaseAddress is null ? null : BaseUriFor(httpsBaseAddress).AbsoluteUri,
        RouteNames,
        ["Basic + X-ApiKey + X-MfaSessionToken or X-MfaTotp"],
        [
            new DemoCredentialInfo("mfa", "Basic", new Dictionary<string, string>
            {
                ["userName"] = PowerClerkDemo.MfaUserName,
                ["password"] = PowerClerkDemo.MfaPassword,
                ["apiKey"] = PowerClerkDemo.ApiKey,
                ["totpSecret"] = PowerClerkDemo.MfaTotpSecret,
            }),
            new DemoCredentialInfo("plain", "Basic", new Dictionary<string, string>
            {
                ["userName"] = PowerClerkDemo.PlainUserName,
                ["password"] = PowerClerkDemo.PlainPassword,
                ["apiKey"] = PowerClerkDemo.ApiKey,
            }),
        ]);
}
