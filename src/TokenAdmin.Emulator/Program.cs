using System.Linq;
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Emulator;

/// <summary>Runs the emulator for a person (demo) or a script (Pester, benchmarks) until Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    private const int ExitStopped = 0;
    private const int ExitCouldNotStart = 1;
    private const int ExitInvalidOptions = 2;

    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, eventArgs) =>
        {
            eventArgs.Cancel = true; // Stop cleanly (and delete the url and key files) instead of dying.
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        return await RunAsync(args, Console.Out, Console.Error, stop.Token);
    }

    /// <summary>Everything but the process plumbing, so tests can run the command line in-process and stop it.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var parsed = EmulatorCommandLine.Parse(args, EmulatorHost.RouteNames);
        if (!parsed.Succeeded)
        {
            await error.WriteLineAsync($"{parsed.Error} Run with --help for usage.");
            return ExitInvalidOptions;
        }

        var settings = parsed.Settings;
        if (settings.ShowHelp)
        {
            await output.WriteAsync(EmulatorCommandLine.Usage);
            return ExitStopped;
        }

        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(settings.Options, stop);
        }
        catch (IOException exception)
        {
            await error.WriteLineAsync($"Could not listen on 127.0.0.1:{settings.Options.Port}: {exception.Message}");
            return ExitCouldNotStart;
        }
        catch (OperationCanceledException)
        {
            return ExitStopped; // Ctrl+C while starting.
        }

        // Only now, so a failed start leaves nothing behind (SecurID's key files, for one).
        IReadOnlyList<IDisposable> started = [];
        try
        {
            await using (host)
            {
                try
                {
                    started = host.OnStarted();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"Could not prepare the services: {exception.Message}");
                    return ExitCouldNotStart;
                }

                settings.ApplyTo(host.Faults);
                await output.WriteAsync(ConsoleBanner.Render(host.Describe()));
                if (settings.UrlFile is not null)
                {
                    UrlFile.Write(settings.UrlFile, host);
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, stop);
                }
                catch (OperationCanceledException)
                {
                    await output.WriteLineAsync("Stopping.");
                }
            }
        }
        finally
        {
            if (settings.UrlFile is not null)
            {
                UrlFile.Delete(settings.UrlFile);
            }

            foreach (var undo in Enumerable.Reverse(started))
            {
                undo.Dispose();
            }
        }

        return ExitStopped;
    }
}
