using System;

namespace TokenAdmin.Emulator.Tests;

/// <summary>A clock that moves only when a test moves it (timestamps only; the emulator's delays use real time).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
