using System;

namespace TokenAdmin.Tests.Support;

/// <summary>Lets the emulator read the same virtual time as the client (JWT iat/exp checks agree); timers stay real.</summary>
internal sealed class ClockTimeProvider : TimeProvider
{
    private readonly FakeClock _clock;

    public ClockTimeProvider(FakeClock clock) => _clock = clock;

    public override DateTimeOffset GetUtcNow() => _clock.UtcNow;
}
