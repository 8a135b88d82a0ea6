using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TokenAdmin.Emulator;

/// <summary>
/// An emulator of the services TokenAdmin administers, listening on 127.0.0.1 only, with
/// in-memory state, fault injection and a request journal. Cheap to start; one per test is fine,
/// and many may run side by side in one process (a host keeps no static mutable state).
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private const long MaxRequestBodyBytes = 1024 * 1024;

    private readonly WebApplication app;
    private readonly IReadOnlyList<IEmulatedService> services;
    private readonly SecurIdService securIdService;
    private readonly X509Certificate2? certificate;
    private int disposed;

    private EmulatorHost(EmulatorOptions options)
    {
        Options = options;
        Hdc = new HdcState(options.TimeProvider);
        SecurId = new SecurIdState(options.TimeProvider);
        Faults = new FaultInjector(RouteNames);
        Requests = new RequestJournal();
        securIdService = new SecurIdService(SecurId, options.TimeProvider);
        services = [new HdcService(options.Hdc, Hdc), securIdService];
        certificate = options.EnableHttps ? SelfSignedCertificate.CreateForLoopback(options.TimeProvider) : null;
        app = Build();
    }

    /// <summary>Every service route name (fault keys, journal route names).</summary>
    public static IReadOnlyList<string> RouteNames { get; } = [.. HdcRouteNames.All, .. SecurIdRouteNames.All];

    /// <summary>The HTTP base address, e.g. <c>http://127.0.0.1:41234/</c> (with the trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The HTTPS base address when <see cref="EmulatorOptions.EnableHttps"/>; null otherwise.</summary>
    public Uri? HttpsBaseAddress { get; private set; }

    /// <summary>The HDC tenant base URL a client is given: <see cref="BaseAddress"/> + <c>hdc/</c>.</summary>
    public Uri HdcBaseUri => HdcService.TenantBaseUriFor(BaseAddress);

    /// <summary>
    /// The SecurID adminRestApiUrl, exactly as key files hold it and a JWT's aud must name it:
    /// <see cref="BaseAddress"/> + <c>securid/AdminInterface/restapi</c>, no trailing slash.
    /// </summary>
    public string SecurIdAdminRestApiUrl => SecurIdService.AdminRestApiUrlFor(BaseAddress);

    /// <summary>The adminRestApiUrl over HTTPS (JWTs sent over HTTPS name this one in aud); null without HTTPS.</summary>
    public string? SecurIdHttpsAdminRestApiUrl => HttpsBaseAddress is null ? null : SecurIdService.AdminRestApiUrlFor(HttpsBaseAddress);

    /// <summary>The SecurID demo API keys (Super Administrator, Help Desk Administrator); shared by every host in the process.</summary>
    public IReadOnlyList<SecurIdDemoKey> SecurIdKeys => SecurIdDemoKey.All;

    /// <summary>The admin endpoint, <see cref="BaseAddress"/> + <c>_emulator</c>.</summary>
    public Uri AdminUri => new(BaseAddress, "_emulator");

    /// <summary>The self-signed HTTPS certificate (untrusted: clients must opt in to accept it); null without HTTPS.</summary>
    public X509Certificate2? ServerCertificate => certificate;

    public EmulatorOptions Options { get; }

    public HdcState Hdc { get; }

    public SecurIdState SecurId { get; }

    public FaultInjector Faults { get; }

    public RequestJournal Requests { get; }

    /// <summary>Starts a host; port 0 (the default) picks a free port.</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var host = new EmulatorHost(options ?? new EmulatorOptions());
        try
        {
            await host.app.StartAsync(cancellationToken);
            host.ReadListeningAddresses();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Writes <c>securid-super-admin.json</c> and <c>securid-help-desk.json</c> (mode 0600) for this
    /// host's <see cref="SecurIdAdminRestApiUrl"/> into <paramref name="directory"/> (created if
    /// missing) and returns their paths. The admin info and the banner list the files last written.
    /// </summary>
    public IReadOnlyList<string> WriteSecurIdKeyFiles(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return securIdService.WriteKeyFiles(directory, SecurIdAdminRestApiUrl);
    }

    /// <summary>The paths the last <see cref="WriteSecurIdKeyFiles"/> wrote; empty before.</summary>
    public IReadOnlyList<string> SecurIdKeyFilePaths => securIdService.KeyFilePaths;

    /// <summary>State back to seed data; faults and journal cleared.</summary>
    public void Reset()
    {
        foreach (var service in services)
        {
            service.Reset();
        }

        Faults.Clear();
        Requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Stopping ends injected hangs and latencies (they watch ApplicationStopping), so this is quick.
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
            certificate?.Dispose();
        }
    }

    internal EmulatorInfo Describe() => new AdminEndpoints(this, services).Info();

    private WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Logging.ClearProviders();
        if (Options.Verbose)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Listen(IPAddress.Loopback, Options.Port);
            if (certificate is not null)
            {
                kestrel.Listen(IPAddress.Loopback, Options.HttpsPort, listen => listen.UseHttps(certificate));
            }
        });

        var built = builder.Build();
        var proxy = new ForwardProxy(Options.Proxy);

        // Order matters: ids first (every response has one); routing so later steps know the
        // route name; journal before the proxy check and faults so those outcomes are recorded.
        built.UseMiddleware<RequestIdMiddleware>();
        built.UseRouting();
        built.UseMiddleware<ExactPathMatchingMiddleware>();
        built.UseMiddleware<RequestJournalMiddleware>(Requests, proxy, Options.TimeProvider);
        built.UseMiddleware<ForwardProxyMiddleware>(proxy);
        built.UseMiddleware<FaultInjectionMiddleware>(Faults);

        foreach (var service in services)
        {
            // The service itself is the group's metadata: shared middleware finds a route's service by it.
            service.MapEndpoints(built.MapGroup("/" + service.Key).WithMetadata(service));
        }

        new AdminEndpoints(this, services).Map(built);
        return built;
    }

    private void ReadListeningAddresses()
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single(address => address.StartsWith("http://", StringComparison.Ordinal)) + "/");
        if (certificate is not null)
        {
            HttpsBaseAddress = new Uri(addresses.Single(address => address.StartsWith("https://", StringComparison.Ordinal)) + "/");
        }
    }
}
