using System;
using System.Collections.Generic;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// Runs a cmdlet class the way PowerShell does (Begin, Process per pipeline record, End, Dispose)
/// with a <see cref="RecordingSeam"/> in place of the runtime. Pipeline records are explicit: each
/// sets the properties the record binds. How PowerShell binds (by value, by property name, CSV rows)
/// is the engine's business and is tested in the real engine (tests/TokenAdmin.Engine.Tests/Binding).
/// </summary>
internal static class CommandHarness
{
    public static RecordingSeam Invoke(TokenAdminCommand command, ConnectionStore connections,
        IEnumerable<Action>? records = null, RecordingSeam? seam = null, Action<int>? beforeRecord = null, TokenAdmin.Audit.AuditSettings? auditing = null)
    {
        seam ??= new RecordingSeam();
        command.Seam = seam;
        command.Connections = connections;
        command.Auditing = auditing ?? new TokenAdmin.Audit.AuditSettings(); // never the process-wide one: tests run in parallel
        try
        {
            command.InvokeBegin();
            if (records is null)
            {
                command.InvokeProcess();
            }
            else
            {
                var index = 0;
                foreach (var bind in records)
                {
                    beforeRecord?.Invoke(index++);
                    bind();
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
