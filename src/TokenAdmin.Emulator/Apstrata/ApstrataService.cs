using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>apstrata's tokens (SERVICES.md §2), mounted at <c>/apstrata</c>: the base URL a client is given.</summary>
internal sealed class ApstrataService(ApstrataState state, ApstrataOptions options) : IEmulatedService
{
    public const string ServiceKey = "apstrata";

    public static IEmulatedServiceDefinition Definition { get; } = new EmulatedServiceDefinition(
        ApstrataRouteNames.All, [], static emulator => new ApstrataService(new ApstrataState(emulator.TimeProvider), emulator.Service<ApstrataOptions>()));

    public ApstrataState State => state;

    public string Key => ServiceKey;

    public IReadOnlyList<string> RouteNames => ApstrataRouteNames.All;

    /// <summary>A request is signed (apsws.authSig) or carries a token (apsdb.authToken), in the query or the form body.</summary>
    public JournalCredentials JournalCredentials { get; } = new(["apsdb.authToken", "apsws.authSig"], fields =>
        fields.ContainsKey("apsdb.authToken") ? "apstrata token"
        : fields.ContainsKey("apsws.authSig") ? $"apstrata signature ({(fields.TryGetValue("apsws.authMode", out var mode) && mode.Equals("simple", StringComparison.OrdinalIgnoreCase) ? "Simple" : "Complex")})"
        : null);

    public static Uri BaseUriFor(Uri baseAddress) => new(baseAddress, ServiceKey + "/");

    public void MapEndpoints(IEndpointRouteBuilder serviceRoot) => new ApstrataEndpoints(state, options).Map(serviceRoot);

    public void Reset() => state.Reset();

    /// <summary><c>{"tokens":[{"login":"dreyes"}]}</c>: a token of that login, as a generate with the default 1,800 s expiry would make.</summary>
    public Func<int> PrepareSeed(System.Text.Json.JsonElement section)
    {
        var items = SeedSection.Items(section, ServiceKey, "tokens");
        var logins = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            logins.Add(SeedSection.RequiredString(items[i], $"{ServiceKey}.tokens[{i}]", "login"));
        }

        return () =>
        {
            logins.ForEach(login => state.Generate(login, TimeSpan.FromSeconds(1800), TimeSpan.FromSeconds(7200)));
            return logins.Count;
        };
    }

    public IResult InjectedFault(int statusCode) =>
        ApstrataWire.Failure(json: true, statusCode, statusCode >= 500 ? "INTERNAL_ERROR" : FaultResponses.ErrorCodeFor(statusCode), FaultResponses.MessageFor(statusCode));

    public EmulatedServiceInfo Describe(Uri baseAddress, Uri? httpsBaseAddress) => new(
        Key,
        "apstrata user tokens",
        BaseUriFor(baseAddress).AbsoluteUri,
        httpsBaseAddress is null ? null : BaseUriFor(httpsBaseAddress).AbsoluteUri,
        RouteNames,
        ["Signature (complex or simple)", "Token"],
        [
            new DemoCredentialInfo("owner", "Signature", new Dictionary<string, string> { ["authKey"] = ApstrataDemo.AuthKey, ["secret"] = ApstrataDemo.OwnerSecret }),
            new DemoCredentialInfo("user", "Signature", new Dictionary<string, string> { ["authKey"] = ApstrataDemo.AuthKey, ["login"] = ApstrataDemo.UserLogin, ["password"] = ApstrataDemo.UserPassword }),
        ]);
}
