using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TokenAdmin.Emulator;

/// <summary>bim.cloud "HDC" (SERVICES.md §4), mounted at <c>/hdc</c>: the tenant base URL a client is given.</summary>
internal sealed class HdcService(HdcOptions options, HdcState state) : IEmulatedService
{
    /// <summary>For the registration list: routes, the --hdc-auth option, and a service per host.</summary>
    public static IEmulatedServiceDefinition Definition { get; } = new EmulatedServiceDefinition(
        HdcRouteNames.All,
        [
            new ServiceCommandLineOption("--hdc-auth", "basic|bearer|both", "HDC authentication schemes accepted (default both)", static (emulator, value) =>
            {
                var hdc = emulator.Hdc;
                (hdc.AllowBasic, hdc.AllowBearer) = value.ToLowerInvariant() switch
                {
                    "basic" => (true, false),
                    "bearer" => (false, true),
                    "both" => (true, true),
                    _ => throw new InvalidOptionException($"Option '--hdc-auth' takes basic, bearer or both, not '{value}'."),
                };
            }),
            new ServiceCommandLineOption("--hdc-tokens", "<n>", "add n tokens of user 777 to HDC's seed data (kept on\nreset), for load tests and benchmarks", static (emulator, value) =>
                emulator.Hdc.AdditionalTokens = int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
                    ? count
                    : throw new InvalidOptionException($"Option '--hdc-tokens' takes a number of tokens, not '{value}'.")),
        ],
        static emulator => new HdcService(emulator.Hdc, new HdcState(emulator.TimeProvider, emulator.Hdc.AdditionalTokens)));

    /// <summary>The tokens, users and contexts this service holds.</summary>
    public HdcState State => state;

    /// <summary>The base path segment: the tenant base URL is <c>{host}/hdc/</c>.</summary>
    public const string ServiceKey = "hdc";

    public string Key => ServiceKey;

    public IReadOnlyList<string> RouteNames => HdcRouteNames.All;

    /// <summary>Update and delete name the token by its value in the JSON body.</summary>
    public JournalCredentials JournalCredentials { get; } = new(["token"]);

    public void MapEndpoints(IEndpointRouteBuilder serviceRoot)
    {
        var tenant = serviceRoot.MapGroup(string.Empty).AddEndpointFilter(new HdcAuthenticationFilter(options));
        new HdcEndpoints(state).Map(tenant);
    }

    public void Reset() => state.Reset();

    /// <summary><c>{"tokens":[{"userId":5001,"userFullName":"Dana Reyes","contexts":["ReadDocuments"]}]}</c>: a user new to the directory is added with that name.</summary>
    public Func<int> PrepareSeed(JsonElement section)
    {
        var newUsers = new Dictionary<long, string>();
        var tokens = new List<(long UserId, string[] Contexts)>();
        var items = SeedSection.Items(section, ServiceKey, "tokens");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{ServiceKey}.tokens[{i}]";
            var userId = SeedSection.RequiredInt64(items[i], path, "userId");
            var fullName = SeedSection.OptionalString(items[i], path, "userFullName");
            if (!state.UserExists(userId) && !newUsers.ContainsKey(userId))
            {
                newUsers[userId] = fullName ?? throw new SeedException($"{path}: user {userId} is not in the directory; give userFullName to add them.");
            }

            var contexts = SeedSection.Strings(items[i], path, "contexts");
            var unknown = contexts.Where(name => state.FindContext(name) is null).ToArray();
            if (contexts.Count == 0 || unknown.Length > 0)
            {
                throw new SeedException($"{path}.contexts names no context or one that does not exist ({string.Join(", ", unknown)}); the contexts are {string.Join(", ", state.Contexts.Select(context => context.Name))}.");
            }

            tokens.Add((userId, [.. contexts]));
        }

        return () =>
        {
            foreach (var (userId, fullName) in newUsers)
            {
                state.AddUser(userId, fullName);
            }

            foreach (var (userId, contexts) in tokens)
            {
                state.AddToken(userId, contexts);
            }

            return tokens.Count;
        };
    }

    public IResult InjectedFault(int statusCode) => FaultResponses.Default(statusCode);

    /// <summary>The tenant base URL below a host base address: <c>{base}hdc/</c>.</summary>
    public static Uri TenantBaseUriFor(Uri baseAddress) => new(baseAddress, ServiceKey + "/");

    public EmulatedServiceInfo Describe(Uri baseAddress, Uri? httpsBaseAddress)
    {
        var schemes = new List<string>();
        var credentials = new List<DemoCredentialInfo>();
        if (options.AllowBasic)
        {
            schemes.Add("Basic");
            credentials.AddRange(options.Users.Select(user => new DemoCredentialInfo(
                RoleName(user.Role),
                "Basic",
                new Dictionary<string, string> { ["userName"] = user.UserName, ["password"] = user.Password })));
        }

        if (options.AllowBearer)
        {
            schemes.Add("Bearer");
            credentials.AddRange(options.AccessTokens.Select(token => new DemoCredentialInfo(
                RoleName(token.Role),
                "Bearer",
                new Dictionary<string, string> { ["accessToken"] = token.Value })));
        }

        return new EmulatedServiceInfo(
            Key,
            "bim.cloud HDC authentication tokens",
            TenantBaseUriFor(baseAddress).AbsoluteUri,
            httpsBaseAddress is null ? null : TenantBaseUriFor(httpsBaseAddress).AbsoluteUri,
            RouteNames,
            schemes,
            credentials);
    }

    private static string RoleName(HdcRole role) => role.ToString().ToLowerInvariant();
}
