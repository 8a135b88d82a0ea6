using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Runtime;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>Progress is throttled to a few records a second, and the final count is always written. Time is fake.</summary>
public sealed class ProgressThrottleTests
{
    [Fact]
    public void A_burst_of_completions_writes_the_first_count_the_last_count_and_the_end()
    {
        var seam = new RecordingSeam();
        using var pump = new PipelinePump(CancellationToken.None);
        var runner = new ThrottledRunner(pump, seam, AdaptiveConcurrency.For(8), "Removing", () => TimeSpan.Zero) { ExpectedTotal = 100 };

        for (var i = 0; i < 100; i++)
        {
            runner.Start(() => { }, _ => Task.FromResult(true), _ => { });
        }

        runner.Drain();

        Assert.Equal(new[] { "1 of 100 done", "100 of 100 done", "Done" }, seam.Progress.Select(p => p.Status));
        Assert.True(seam.Progress[^1].Completed);
    }

    [Fact]
    public void Completions_further_apart_than_the_interval_each_write_a_count()
    {
        var seam = new RecordingSeam();
        using var pump = new PipelinePump(CancellationToken.None);
        var now = TimeSpan.Zero;
        var runner = new ThrottledRunner(pump, seam, AdaptiveConcurrency.For(1), "Removing", () => now += ThrottledRunner.ProgressInterval) { ExpectedTotal = 5 };

        for (var i = 0; i < 5; i++)
        {
            runner.Start(() => { }, _ => Task.FromResult(true), _ => { });
        }

        runner.Drain();

        Assert.Equal(6, seam.Progress.Count); // 1..5 of 5, then Done
    }

    [Fact]
    public void A_stream_of_unknown_length_still_ends_with_its_final_count()
    {
        var seam = new RecordingSeam();
        using var pump = new PipelinePump(CancellationToken.None);
        var runner = new ThrottledRunner(pump, seam, AdaptiveConcurrency.For(4), "Removing", () => TimeSpan.Zero);

        for (var i = 0; i < 10; i++)
        {
            runner.Start(() => { }, _ => Task.FromResult(true), _ => { });
        }

        runner.Drain();

        Assert.Equal("10 done", seam.Progress[^2].Status);
        Assert.True(seam.Progress[^1].Completed);
    }
}
