using System.Collections.Generic;
using TokenAdmin.Connections;
using TokenAdmin.Runtime;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// Runs a cmdlet class the way PowerShell does (Begin, Process per pipeline record, End, Dispose)
/// with a <see cref="RecordingSeam"/> in place of the runtime.
/// </summary>
internal static class CommandHarness
{
    public static RecordingSeam Invoke(TokenAdminCommand command, ConnectionStore connections,
        IEnumerable<object>? pipeline = null, RecordingSeam? seam = null, System.Action<int>? beforeRecord = null)
    {
        seam ??= new RecordingSeam();
        command.Seam = seam;
        command.Connections = connections;
        var binder = PipelineBinder.For(command.GetType());
        var commandLine = binder.CommandLineBound(command);
        try
        {
            command.InvokeBegin();
            if (pipeline is null)
            {
                command.InvokeProcess();
            }
            else
            {
                var index = 0;
                foreach (var input in pipeline)
                {
                    beforeRecord?.Invoke(index++);
                    if (!binder.Bind(command, input, commandLine))
                    {
                        seam.BindingFailures.Add(input);
                        continue;
                    }

                    command.InvokeProcess();
                }
            }

            command.InvokeEnd();
        }
        catch (TerminatingErrorException)
        {
            // recorded in seam.Terminating
        }
        finally
        {
            command.Dispose();
        }

        return seam;
    }
}
