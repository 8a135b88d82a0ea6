using System.Collections.Generic;
using System;

namespace TokenAdmin.Emulator;

/// <summary>How an <see cref="EmulatorHost"/> listens and what it serves. Configure before start.</summary>
public sealed class EmulatorOptions
{
    /// <summary>HTTP port on 127.0.0.1; 0 picks a free one (read the real one from <see cref="EmulatorHost.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>Also listen for HTTPS with an in-memory self-signed certificate.</summary>
    public bool EnableHttps { get; set; }

    /// <summary>HTTPS port when <see cref="EnableHttps"/>; 0 picks a free one.</summary>
    public int HttpsPort { get; set; }

    /// <summary>Log ASP.NET Core's request diagnostics to the console (quiet by default so tests stay fast).</summary>
    public bool Verbose { get; set; }

    /// <summary>When set, the host also acts as a forward proxy that demands these credentials.</summary>
    public ProxyOptions? Proxy { get; set; }

    /// <summary>
    /// A service's own options (HdcOptions, SecurIdOptions, ...), created on first use. Each service
    /// folder adds a named accessor (<c>options.Hdc</c>), so this class names no service.
    /// </summary>
    public T Service<T>()
        where T : class, new()
    {
        lock (services)
        {
            if (!services.TryGetValue(typeof(T), out var value))
            {
                services[typeof(T)] = value = new T();
            }

            return (T)value;
        }
    }

    /// <summary>Replaces a service's options.</summary>
    public void SetService<T>(T value)
        where T : class
    {
        lock (services)
        {
            services[typeof(T)] = value ?? throw new ArgumentNullException(nameof(value));
        }
    }

    private readonly Dictionary<Type, object> services = new();

    /// <summary>Clock for timestamps (token lastUpdate, journal times) and JWT time checks; tests may pin it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
