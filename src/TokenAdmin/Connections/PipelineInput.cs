using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace TokenAdmin.Connections;

/// <summary>
/// What a bulk command accepts from the pipeline: text (or a SecureString), or an object with a
/// property that names the item. PowerShell would bind anything else by turning it into text
/// ("System.Diagnostics.Process (dotnet)"), which the command would then send.
/// </summary>
internal static class PipelineInput
{
    /// <summary>Why <paramref name="piped"/> names no item (or names two different ones), or null when it is fine.</summary>
    public static string? Problem(PSObject piped, IReadOnlyList<string> itemProperties, string commandName)
    {
        if (piped.BaseObject is string or SecureString)
        {
            return null;
        }

        var present = itemProperties
            .Select(name => (Name: name, Value: piped.Properties[name]?.Value))
            .Where(p => p.Value is not null && !(p.Value is string text && text.Length == 0))
            .ToList();
        if (present.Count == 0)
        {
            return $"{commandName} takes text, or objects with a {string.Join(" or ", itemProperties)} property; " +
                $"it was given a {TypeName(piped)} without one, so nothing was sent for it.";
        }

        // A number or another object under the item's name would not bind as it is; PowerShell would then
        // bind the whole object by its text ("@{Token=42}"), which the command would send as the item.
        if (present.FirstOrDefault(p => !IsText(p.Value)) is { Name: { } notText } wrong)
        {
            return $"{commandName} was given an object whose {notText} is a {TypeName(wrong.Value!)}, not text; " +
                "TokenAdmin does not send an object's text form, so nothing was sent for it. Pass the value as text (quoted).";
        }

        var distinct = present.Select(p => p.Value is SecureString ? p.Value : p.Value!.ToString()).Distinct().ToList();
        if (distinct.Count > 1)
        {
            var names = string.Join(" and ", present.Select(p => p.Name));
            return $"{commandName} was given an object with both {names}, which differ; it does not guess which one is meant, " +
                $"so nothing was sent for it. Keep one of the columns.";
        }

        return null;
    }

    /// <summary>Text as the item parameters take it: a string or SecureString, or a list of them.</summary>
    private static bool IsText(object? value) => Unwrap(value) switch
    {
        string or SecureString => true,
        System.Collections.IEnumerable items => items.Cast<object?>().All(item => Unwrap(item) is string or SecureString),
        _ => false,
    };

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string TypeName(object value) => Unwrap(value) is { } inner ? inner.GetType().Name : "null";

    /// <summary>The error's target: the piped object's type, never its text (which could be a secret).</summary>
    public static string Describe(PSObject piped) => TypeName(piped);

    private static string TypeName(PSObject piped) =>
        piped.BaseObject is PSCustomObject
            ? $"PSCustomObject with {string.Join(", ", piped.Properties.Select(p => p.Name).Take(5).DefaultIfEmpty("no properties"))}"
            : piped.BaseObject.GetType().FullName ?? piped.BaseObject.GetType().Name;
}
