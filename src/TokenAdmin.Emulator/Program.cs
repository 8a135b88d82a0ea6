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
        var parsed = EmulatorCommandLine.Parse(args, EmulatorHost.RouteNames);
        if (!parsed.Succeeded)
        {
            await Console.Error.WriteLineAsync($"{parsed.Error} Run with --help for usage.");
            return ExitInvalidOptions;
        }

        var settings = parsed.Settings;
        if (settings.ShowHelp)
        {
            Console.Out.Write(EmulatorCommandLine.Usage);
            return ExitStopped;
        }

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

        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(settings.Options, stop.Token);
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"Could not listen on 127.0.0.1:{settings.Options.Port}: {exception.Message}");
            return ExitCouldNotStart;
        }
        catch (OperationCanceledException)
        {
            return ExitStopped; // Ctrl+C while starting.
        }

        // Created only now, so a failed start leaves no directory behind.
        var createdKeyDirectory = settings.KeyDirectory is null ? Directory.CreateTempSubdirectory("tokenadmin-emulator-keys-").FullName : null;
        IReadOnlyList<string> keyFiles = [];
        try
        {
            await using (host)
            {
                try
                {
                    keyFiles = host.WriteSecurIdKeyFiles(settings.KeyDirectory ?? createdKeyDirectory!);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync($"Could not write the SecurID key files to {settings.KeyDirectory}: {exception.Message}");
                    return ExitCouldNotStart;
                }

                settings.ApplyTo(host.Faults);
                Console.Out.Write(ConsoleBanner.Render(host.Describe()));
                if (settings.UrlFile is not null)
                {
                    UrlFile.Write(settings.UrlFile, host);
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.Out.WriteLine("Stopping.");
                }
            }
        }
        finally
        {
            if (settings.UrlFile is not null)
            {
                UrlFile.Delete(settings.UrlFile);
            }

            // The keys die with this process, so their files go too.
            foreach (var keyFile in keyFiles)
            {
                File.Delete(keyFile);
            }

            if (createdKeyDirectory is not null)
            {
                Directory.Delete(createdKeyDirectory, recursive: true);
            }
        }

        return ExitStopped;
    }
}
