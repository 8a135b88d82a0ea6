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
    private readonly X509Certificate2? certificate;
    private int disposed;

    private EmulatorHost(EmulatorOptions options)
    {
        Options = options;
        Faults = new FaultInjector(RouteNames);
        Requests = new RequestJournal();
        services = EmulatedServices.Create(options);
        certificate = options.EnableHttps ? SelfSignedCertificate.CreateForLoopback(options.TimeProvider) : null;
        app = Build();
    }

    /// <summary>Every service route name (fault keys, journal route names).</summary>
    public static IReadOnlyList<string> RouteNames => EmulatedServices.RouteNames;

    /// <summary>The HTTP base address, e.g. <c>http://127.0.0.1:41234/</c> (with the trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The HTTPS base address when <see cref="EmulatorOptions.EnableHttps"/>; null otherwise.</summary>
    public Uri? HttpsBaseAddress { get; private set; }

    /// <summary>The admin endpoint, <see cref="BaseAddress"/> + <c>_emulator</c>.</summary>
    public Uri AdminUri => new(BaseAddress, "_emulator");

    /// <summary>The self-signed HTTPS certificate (untrusted: clients must opt in to accept it); null without HTTPS.</summary>
    public X509Certificate2? ServerCertificate => certificate;

    public EmulatorOptions Options { get; }

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

    /// <summary>The running instance of one service (its folder's members reach its state through this).</summary>
    internal T Service<T>()
        where T : IEmulatedService => services.OfType<T>().Single();

    /// <summary>Every service's <see cref="IEmulatedService.OnStarted"/>; undo in reverse order on failure.</summary>
    internal IReadOnlyList<IDisposable> OnStarted()
    {
        var undo = new List<IDisposable>();
        try
        {
            foreach (var service in services)
            {
                if (service.OnStarted(this) is { } started)
                {
                    undo.Add(started);
                }
            }
        }
        catch
        {
            undo.Reverse();
            undo.ForEach(u => u.Dispose());
            throw;
        }

        return undo;
    }

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
