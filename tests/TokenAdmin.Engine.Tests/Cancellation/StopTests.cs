using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Cancellation;

/// <summary>PowerShell.Stop() (what Ctrl+C does) during a request that would never be answered.</summary>
public sealed class StopTests : EngineTest
{
    [Theory]
    [InlineData("hdc.tokens.list", "Get-AuthToken")]
    [InlineData("hdc.tokens.delete", "Remove-AuthToken -Token 'some-token' -Confirm:$false")]
    public async Task Stop_aborts_the_request_in_flight_and_returns_at_once(string route, string script)
    {
        ConnectHdc("-TimeoutSec 0"); // no client timeout: only Stop can end the request
        Emulator.Faults.Enqueue(route, FaultStep.Hang());
        using var shell = PowerShell.Create();
        shell.Runspace = Shell.Runspace;
        shell.AddScript(script);
        var running = shell.BeginInvoke();
        using var arrival = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Emulator.Requests.WaitForArrivalAsync(route, arrival.Token);

        var watch = Stopwatch.StartNew();
        shell.Stop();
        watch.Stop();

        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {watch.Elapsed.TotalMilliseconds:0} ms");
        using var completion = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var entry = await Emulator.Requests.WaitForCompletionAsync(route, completion.Token);
        Assert.True(entry.Aborted, "the emulator saw the connection aborted");
        Assert.Empty(shell.Streams.Error); // stopping is not an error
    }
}
