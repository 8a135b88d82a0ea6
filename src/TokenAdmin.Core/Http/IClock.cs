using System;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http;

/// <summary>Time and waiting, injectable so that retry and token-expiry tests never sleep.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}
