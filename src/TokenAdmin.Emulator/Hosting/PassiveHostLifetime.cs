using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace TokenAdmin.Emulator;

/// <summary>
/// Replaces the console lifetime: many hosts share a test process, so none may hook Ctrl+C or
/// SIGTERM. The command-line program handles those itself and disposes its host.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
