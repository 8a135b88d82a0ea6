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

    public HdcOptions Hdc { get; set; } = new();

    /// <summary>When set, the host also acts as a forward proxy that demands these credentials.</summary>
    public ProxyOptions? Proxy { get; set; }

    /// <summary>Clock for timestamps (token lastUpdate, journal times) and JWT time checks; tests may pin it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
