using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using TokenAdmin.Core.Http.Authentication;

namespace TokenAdmin.Hdc;

/// <summary>
/// Lets -Token take a SecureString as well as text, so a token kept as a SecureString (an
/// <see cref="AuthTokenReference"/>, a value read with Read-Host -AsSecureString) binds without
/// being written out in the script. Anything else passes through unchanged.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
internal sealed class TokenAsTextAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = Unwrap(inputData);
        if (value is SecureString secure)
        {
            return SecretText.Reveal(secure);
        }

        if (value is IEnumerable items and not string)
        {
            var converted = new List<object?>();
            var any = false;
            foreach (var item in items)
            {
                if (Unwrap(item) is SecureString one)
                {
                    converted.Add(SecretText.Reveal(one));
                    any = true;
                }
                else
                {
                    converted.Add(item);
                }
            }

            return any ? converted.ToArray() : inputData;
        }

        return inputData;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
