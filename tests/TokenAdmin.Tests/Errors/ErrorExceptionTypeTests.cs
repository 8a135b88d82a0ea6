using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TokenAdmin.Commands;
using TokenAdmin.Core.Http;
using TokenAdmin.Runtime;
using Xunit;

namespace TokenAdmin.Tests.Errors;

/// <summary>Every ErrorId the module raises reaches the script as a TokenAdminException, whatever exception said it first.</summary>
public sealed class ErrorExceptionTypeTests
{
    /// <summary>Every ErrorId constant of the module: ErrorIds and each folder's *Errors class.</summary>
    public static TheoryData<string> ErrorIds() => new(AllErrorIds());

    private static string[] AllErrorIds() =>
        typeof(TokenAdminCommand).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && (t.Name == "ErrorIds" || t.Name.EndsWith("Errors", StringComparison.Ordinal)))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .ToArray();

    [Fact]
    public void The_list_holds_every_folder_s_errors()
    {
        var ids = AllErrorIds();
        Assert.Contains("AuthTokenContextNotFound", ids);
        Assert.Contains("SecurIdTokenNotFound", ids);
        Assert.Contains("NoMfaSessionToken", ids);
        Assert.Contains("ApstrataWrongConnection", ids);
        Assert.Contains("InvalidOffboardingRow", ids);
        Assert.Contains("NotConnected", ids);
    }

    [Theory]
    [MemberData(nameof(ErrorIds))]
    public void Each_ErrorId_carries_a_TokenAdminException_whatever_said_it_first(string errorId)
    {
        var causes = new Exception[]
        {
            new ArgumentException("no such context"),
            new ObjectDisposedException("connection"),
            new IOException("disk full"),
            new InvalidOperationException("odd state"),
            new TokenAdminException("own words", errorId),
            new ServiceException(ServiceFailure.HttpStatus, "refused"),
            new ServiceException(ServiceFailure.InvalidCredential, "bad key"),
        };

        foreach (var cause in causes)
        {
            var error = new CommandError(cause, errorId, ErrorCategory.NotSpecified, null, "what the user reads");
            var carried = Assert.IsAssignableFrom<TokenAdminException>(error.PublicException());
            Assert.Equal(errorId, carried.ErrorId);
            if (cause is not TokenAdminException and not ServiceException)
            {
                Assert.Same(cause, carried.InnerException); // .NET's own exception is still there to read
                Assert.Equal("what the user reads", carried.Message);
            }
        }
    }
}
