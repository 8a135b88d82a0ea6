using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Runtime;

/// <summary>
/// Hands a streamed listing's batches, parsed on a pool thread, to the pipeline thread, in order, as
/// they arrive. One batch waits for the pipeline at a time (the next is parsed meanwhile), so a slow
/// consumer holds the reader back instead of the queue growing. When the pipeline stops taking
/// objects (Select-Object -First), <see cref="Stopping"/> is cancelled, so the listing is not read to its end.
/// </summary>
internal sealed class StreamedHandOver<T> : IDisposable
{
    private readonly SemaphoreSlim _oneWaiting = new(1);
    private readonly PipelinePump _pump;
    private readonly Action<T> _write;
    private readonly CancellationTokenSource _stop;

    public StreamedHandOver(PipelinePump pump, Action<T> write)
    {
        _pump = pump;
        _write = write;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(pump.Stopping);
    }

    /// <summary>Cancelled by Ctrl+C, or when the pipeline takes no more.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>The listing's callback for each parsed batch.</summary>
    public async ValueTask HandAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken)
    {
        await _oneWaiting.WaitAsync(cancellationToken).ConfigureAwait(false);
        _pump.Post(() =>
        {
            try
            {
                foreach (var item in batch)
                {
                    _write(item);
                }
            }
            catch
            {
                _stop.Cancel(); // PipelineStoppedException and the like: nobody reads the rest
                throw;
            }
            finally
            {
                _oneWaiting.Release();
            }
        });
    }

    public void Dispose() => _stop.Dispose();
}
