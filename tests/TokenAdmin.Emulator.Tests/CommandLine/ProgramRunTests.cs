using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.CommandLine;

/// <summary>The command line run in-process: started, used through what it printed and wrote, then stopped.</summary>
public sealed class ProgramRunTests : IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"emulator-cli-{Guid.NewGuid():N}");

    public void Dispose()
    {
        timeout.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Key_dir_gets_both_key_files_the_banner_lists_them_and_they_go_on_exit()
    {
        var run = await StartAsync("--port", "0", "--key-dir", directory);
        var superAdmin = Path.Combine(directory, "securid-super-admin.json");
        var helpDesk = Path.Combine(directory, "securid-help-desk.json");

        Assert.Matches($"Super Administrator +JWT +{Regex.Escape(superAdmin)} / {SecurIdDemoKey.SuperAdministrator.AccessId}", run.Banner);
        Assert.Matches($"Help Desk Administrator +JWT +{Regex.Escape(helpDesk)} / {SecurIdDemoKey.HelpDeskAdministrator.AccessId}", run.Banner);
        Assert.DoesNotContain("PRIVATE KEY", run.Banner, StringComparison.Ordinal);
        await AssertKeyFileWorksAsync(superAdmin, run.Banner);
        await AssertKeyFileWorksAsync(helpDesk, run.Banner);

        Assert.Equal(0, await run.StopAsync());
        Assert.False(File.Exists(superAdmin));
        Assert.False(File.Exists(helpDesk));
        Assert.True(Directory.Exists(directory)); // The caller's directory stays.
    }

    [Fact]
    public async Task Without_key_dir_the_files_go_to_a_fresh_temp_directory_removed_on_exit()
    {
        var run = await StartAsync("--port", "0");
        var keyFile = Regex.Match(run.Banner, @"Super Administrator +JWT +(\S+securid-super-admin\.json)").Groups[1].Value;
        var keyDirectory = Path.GetDirectoryName(keyFile)!;

        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), keyDirectory, StringComparison.Ordinal);
        Assert.StartsWith("tokenadmin-emulator-keys-", Path.GetFileName(keyDirectory), StringComparison.Ordinal);
        await AssertKeyFileWorksAsync(keyFile, run.Banner);

        Assert.Equal(0, await run.StopAsync());
        Assert.False(Directory.Exists(keyDirectory));
    }

    private async Task AssertKeyFileWorksAsync(string path, string banner)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, timeout.Token));
        var file = document.RootElement;
        var url = file.GetProperty("adminRestApiUrl").GetString()!;
        Assert.Contains($"  Base URL        {url}{Environment.NewLine}", banner, StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var jwt = SecurIdJwt.Sign(SecurIdJwt.Header, SecurIdJwt.Claims(file.GetProperty("accessID").GetString()!, url, now, now + 300), file.GetProperty("accessKey").GetString()!);

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/v1/sidTokens/lookup")
        {
            Content = new StringContent("""{"tokenSerialNumber":"000123456789"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", jwt);
        using var response = await client.SendAsync(request, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Run> StartAsync(params string[] args)
    {
        var output = new BannerWriter();
        var stop = new CancellationTokenSource();
        var running = Program.RunAsync(args, output, TextWriter.Null, stop.Token);
        var first = await Task.WhenAny(output.Banner, running).WaitAsync(timeout.Token);
        Assert.True(first == output.Banner, "The emulator exited before printing its banner.");
        return new Run(await output.Banner, stop, running);
    }

    private sealed record Run(string Banner, CancellationTokenSource Stop, Task<int> Running)
    {
        public async Task<int> StopAsync()
        {
            await Stop.CancelAsync();
            var exitCode = await Running;
            Stop.Dispose();
            return exitCode;
        }
    }

    /// <summary>Completes <see cref="Banner"/> with the banner text once it has been written.</summary>
    private sealed class BannerWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> banner = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Banner => banner.Task;

        public override void Write(string? value)
        {
            base.Write(value);
            if (value?.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal) == true)
            {
                banner.TrySetResult(ToString());
            }
        }
    }
}
