using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.Emulator;

/// <summary>
/// The ONE list of services the emulator serves. The host, the command line, the admin endpoint and
/// the banner know services only through this list and <see cref="IEmulatedService"/>: adding a
/// service is adding its folder and one line here.
/// </summary>
internal static class EmulatedServices
{
    private static readonly IReadOnlyList<IEmulatedServiceDefinition> Definitions =
    [
        HdcService.Definition,
        SecurIdService.Definition,
        PowerClerkService.Definition,
        ApstrataService.Definition,
    ];

    /// <summary>A fresh instance of every service, for one host.</summary>
    public static IReadOnlyList<IEmulatedService> Create(EmulatorOptions options) => Definitions.Select(d => d.Create(options)).ToArray();

    public static IReadOnlyList<string> RouteNames { get; } = Definitions.SelectMany(d => d.RouteNames).ToArray();

    /// <summary>The command-line options services add (--hdc-auth, --key-dir, ...).</summary>
    public static IReadOnlyList<ServiceCommandLineOption> CommandLineOptions { get; } = Definitions.SelectMany(d => d.CommandLineOptions).ToArray();
}

/// <summary>What the registration list needs of a service before any host exists.</summary>
internal interface IEmulatedServiceDefinition
{
    IReadOnlyList<string> RouteNames { get; }

    IReadOnlyList<ServiceCommandLineOption> CommandLineOptions { get; }

    IEmulatedService Create(EmulatorOptions options);
}

/// <summary>A service's definition from delegates: route names, options, and how to make one.</summary>
internal sealed class EmulatedServiceDefinition(
    IReadOnlyList<string> routeNames,
    IReadOnlyList<ServiceCommandLineOption> commandLineOptions,
    System.Func<EmulatorOptions, IEmulatedService> create) : IEmulatedServiceDefinition
{
    public IReadOnlyList<string> RouteNames => routeNames;

    public IReadOnlyList<ServiceCommandLineOption> CommandLineOptions => commandLineOptions;

    public IEmulatedService Create(EmulatorOptions options) => create(options);
}

/// <summary>
/// One command-line option a service adds: <paramref name="Name"/> (<c>--key-dir</c>), how its value
/// reads in --help, the help text, and what it sets (null value: a flag). Throws
/// <see cref="InvalidOptionException"/> for a bad value.
/// </summary>
internal sealed record ServiceCommandLineOption(string Name, string? ValueHint, string Help, System.Action<EmulatorOptions, string> Apply);
