using System;
using System.Collections.Generic;
using System.Linq;

namespace TokenAdmin.Emulator;

/// <summary>
/// The SecurID tenant every emulator starts with, and returns to on Reset. Fixed dates, so
/// responses do not depend on when a test runs.
/// </summary>
internal static class SecurIdSeedData
{
    public const string DeviceType = "SecurID 700";

    private static readonly DateTimeOffset Registered = new(2024, 11, 4, 8, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = new(2029, 10, 31, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<SecurIdTokenRecord> Tokens { get; } =
    [
        new("000123456789", DeviceType, SecurIdTokenStatus.Enabled, "jdoe", "admin@demo", new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero),
            Registered, null, Expiry, "John's token", PinSet: true),
        new("000123456790", DeviceType, SecurIdTokenStatus.Enabled, null, null, null, Registered, null, Expiry, null, PinSet: false),
        new("000987654321", DeviceType, SecurIdTokenStatus.Disabled, "asmith", "admin@demo", new DateTimeOffset(2025, 1, 15, 14, 0, 0, TimeSpan.Zero),
            Registered, new DateTimeOffset(2025, 6, 2, 10, 45, 30, TimeSpan.Zero), Expiry, "Anna's token", PinSet: true),

        // Unassigned stock for bulk operations.
        .. Enumerable.Range(1, 5).Select(n => new SecurIdTokenRecord(
            $"00020000000{n}", DeviceType, SecurIdTokenStatus.Enabled, null, null, null, Registered, null, Expiry, null, PinSet: false)),
    ];
}
