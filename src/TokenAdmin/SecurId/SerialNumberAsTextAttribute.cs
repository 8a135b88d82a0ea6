using System;
using System.Collections;
using System.Management.Automation;

namespace TokenAdmin.SecurId;

/// <summary>
/// Refuses a serial number that reaches the binder as a number. PowerShell parses unquoted digits
/// (<c>-SerialNumber 000123456789</c>) as the number 123456789, so the leading zeros printed on the
/// token are already gone and converting back to text would name a different token (and delete
/// it). There is no way to tell what was typed, so a number is never taken: the command stops
/// before anything is sent, saying to quote the serial. Strings (quoted, from CSV, Get-Content,
/// Get-SecurIdHardwareToken) pass through unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SerialNumberAsTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (inputData is not string && Unwrap(inputData) is IEnumerable values and not string)
        {
            foreach (var value in values)
            {
                Check(value);
            }
        }
        else
        {
            Check(inputData);
        }

        return inputData;
    }

    private static void Check(object? value)
    {
        // A blank line of a serials file (Get-Content notes each line's number and file): name the line.
        if (value is PSObject { BaseObject: string text } line && string.IsNullOrWhiteSpace(text)
            && line.Properties["ReadCount"]?.Value is long or int && line.Properties["ReadCount"].Value is var number0)
        {
            var file = line.Properties["PSChildName"]?.Value ?? line.Properties["PSPath"]?.Value ?? "the file";
            throw new ArgumentTransformationMetadataException(
                $"Line {number0} of {file} is blank, where a serial number was expected; nothing is sent for it. Remove the blank line, or skip such lines: Get-Content <file> | Where-Object {{ $_.Trim() }}.");
        }

        if (Unwrap(value) is { } number && IsNumber(number))
        {
            var digits = Convert.ToString(number, System.Globalization.CultureInfo.InvariantCulture);
            throw new ArgumentTransformationMetadataException(
                $"The serial number {digits} arrived as a number, not as text. PowerShell reads unquoted digits as a number and drops leading zeros, " +
                "so it may not be the serial printed on the token, and TokenAdmin sends nothing rather than guess. Quote serial numbers exactly as printed, " +
                "for example -SerialNumber '000123456789', '000123456790'.");
        }
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong
        or float or double or decimal or System.Numerics.BigInteger;
}
