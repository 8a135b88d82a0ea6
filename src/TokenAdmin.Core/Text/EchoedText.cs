using System.Linq;

namespace TokenAdmin.Core.Text;

/// <summary>
/// What a message may quote back of a user's input: short, on one line. A 10 kB value pasted by
/// mistake must not make a 10 kB error message (nor a multi-line one that splits a log entry).
/// </summary>
public static class EchoedText
{
    public const int MaxLength = 64;

    public static string Of(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var oneLine = string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c));
        return oneLine.Length <= MaxLength
            ? oneLine
            : $"{oneLine[..MaxLength]}… ({value.Length:N0} characters)";
    }
}
