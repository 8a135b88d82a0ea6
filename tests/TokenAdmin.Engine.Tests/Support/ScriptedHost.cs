using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace TokenAdmin.Engine.Tests.Support;

/// <summary>
/// A host whose prompts are answered from a script: the engine's own ShouldProcess asks it (as it
/// asks the console), so -Confirm and $ConfirmPreference are tested as PowerShell runs them.
/// Every prompt is recorded; a prompt with no answer queued fails the test loudly.
/// </summary>
internal sealed class ScriptedHost : PSHost
{
    private readonly ScriptedHostUserInterface _ui = new();

    public override string Name => "TokenAdmin.Engine.Tests";

    public override Version Version { get; } = new(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => _ui;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");

    /// <summary>Choice labels to answer with, in order ("Yes", "No", "Yes to All", ...).</summary>
    public Queue<string> Answers => _ui.Answers;

    /// <summary>Every PromptForChoice as "caption | message".</summary>
    public List<string> Prompts => _ui.Prompts;

    /// <summary>Lines written to the host itself ("What if: ..." goes here, as on a console).</summary>
    public List<string> Lines => _ui.Lines;

    public override void SetShouldExit(int exitCode)
    {
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    private sealed class ScriptedHostUserInterface : PSHostUserInterface
    {
        public Queue<string> Answers { get; } = new();

        public List<string> Prompts { get; } = new();

        public List<string> Lines { get; } = new();

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add($"{caption} | {message}");
            if (Answers.Count == 0)
            {
                throw new InvalidOperationException($"Unexpected prompt (no answer queued): {caption} | {message}");
            }

            var answer = Answers.Dequeue();
            for (var i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Label.Replace("&", string.Empty, StringComparison.Ordinal), answer, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"No choice '{answer}' in prompt {caption}.");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException($"Unexpected Prompt: {caption} | {message} | fields: {string.Join(", ", System.Linq.Enumerable.Select(descriptions, d => d.Name))}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException($"Unexpected credential prompt: {caption} | {message}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException($"Unexpected credential prompt: {caption} | {message}");

        public override string ReadLine() => throw new InvalidOperationException("Unexpected ReadLine.");

        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Unexpected ReadLineAsSecureString.");

        public override void Write(string value)
        {
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value)
        {
        }

        public override void WriteLine(string value) => Lines.Add(value);

        public override void WriteErrorLine(string value)
        {
        }

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
        }
    }
}
