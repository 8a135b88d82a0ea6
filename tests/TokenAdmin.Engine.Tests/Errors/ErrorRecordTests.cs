using System.Linq;
using System.Management.Automation;
using TokenAdmin.Engine.Tests.Support;
using Xunit;

namespace TokenAdmin.Engine.Tests.Errors;

/// <summary>ErrorRecords as PowerShell delivers them: ids, categories, targets, details, exception types.</summary>
public sealed class ErrorRecordTests : EngineTest
{
    [Fact]
    public void Each_error_of_a_bulk_run_names_its_item_and_gives_the_advice_once_as_RecommendedAction()
    {
        ConnectHdc();
        var result = Shell.Run("Remove-AuthToken -Token 'bogus-1', 'bogus-2' -Confirm:$false");

        Assert.Equal(2, result.Errors.Count);
        var fingerprints = new[] { Fingerprint.Of("bogus-1"), Fingerprint.Of("bogus-2") };
        Assert.Equal(fingerprints.Order(), result.Errors.Select(e => (string)e.TargetObject).Order()); // completion order may differ
        foreach (var error in result.Errors)
        {
            var fingerprint = (string)error.TargetObject;
            Assert.Equal("AuthTokenNotFound,TokenAdmin.Hdc.RemoveAuthTokenCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains(fingerprint, error.ErrorDetails.Message);
            Assert.Contains("Get-AuthToken", error.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain(error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message);
        }

        Assert.NotEqual(result.Errors[0].ErrorDetails.Message, result.Errors[1].ErrorDetails.Message);
        Assert.Null(result.Terminating);
    }

    [Fact]
    public void With_ErrorAction_Continue_the_pipeline_goes_on_after_a_failed_item()
    {
        ConnectHdc();
        var survivor = Emulator.Hdc.Tokens[0].Token;
        var result = Shell.Run("'bogus-1', $args[0] | Remove-AuthToken -Confirm:$false -ErrorAction Continue", survivor);

        Assert.Single(result.Errors);
        Assert.Null(result.Terminating);
        Assert.Null(Emulator.Hdc.FindToken(survivor));
    }

    [Fact]
    public void With_ErrorAction_Stop_the_first_failure_stops_and_catch_names_the_public_exception_type()
    {
        ConnectHdc();
        var next = Emulator.Hdc.Tokens[0].Token;
        var result = Shell.RunClean("""
            try {
                'bogus-1', $args[0] | Remove-AuthToken -Confirm:$false -ThrottleLimit 1 -ErrorAction Stop
                'not reached'
            }
            catch [TokenAdmin.ServiceRequestException] {
                $_.Exception.StatusCode
                $_.Exception.ErrorId
                $_.Exception.ServiceErrorCode
                [bool] $_.Exception.RequestId
            }
            """, next);

        Assert.Equal(new object[] { 404, "AuthTokenNotFound", "TOKEN_NOT_FOUND", true }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Not_being_connected_is_a_TokenAdminException_a_script_can_catch()
    {
        var result = Shell.RunClean("try { Get-AuthToken } catch [TokenAdmin.TokenAdminException] { $_.Exception.ErrorId; $_.CategoryInfo.Category.ToString() }");
        Assert.Equal(new object[] { "NotConnected", "ConnectionError" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void An_unknown_context_name_is_caught_as_a_TokenAdminException_with_the_ArgumentException_inside()
    {
        ConnectHdc();
        var result = Shell.RunClean("""
            try { Get-AuthTokenContext -Name NoSuchContext -ErrorAction Stop } catch [TokenAdmin.TokenAdminException] { $_.Exception.ErrorId }
            try { New-AuthToken -UserId 5 -Context NoSuchContext -Confirm:$false -ErrorAction Stop } catch [TokenAdmin.TokenAdminException] { $_.Exception.ErrorId; $_.Exception.InnerException.GetType().Name }
            """);

        Assert.Equal(new object[] { "AuthTokenContextNotFound", "InvalidAuthTokenContext", "ArgumentException" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Every_error_carries_an_exception_whose_type_a_script_can_name()
    {
        ConnectHdc();
        ConnectSecurId(superAdministrator: false);
        var result = Shell.RunClean("""
            $errors = @()
            Remove-AuthToken -Token 'bogus' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +errors
            New-AuthToken -UserId 5 -Context NoSuchContext -ErrorAction SilentlyContinue -ErrorVariable +errors
            Get-AuthTokenContext -Name NoSuchContext -ErrorAction SilentlyContinue -ErrorVariable +errors
            Get-SecurIdHardwareToken -SerialNumber '999999999999' -ErrorAction SilentlyContinue -ErrorVariable +errors
            Remove-SecurIdHardwareToken -SerialNumber '000123456789' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +errors
            try { Connect-SecurIdAdmin -KeyFile ./no-such-key.json } catch { $errors += $_ }
            try { Connect-AuthTokenService -BaseUri 'http://example.com/hdc' -AccessToken (ConvertTo-SecureString x -AsPlainText -Force) } catch { $errors += $_ }
            foreach ($e in $errors) {
                $name = $e.Exception.GetType().FullName
                [pscustomobject]@{ Id = $e.FullyQualifiedErrorId; Type = $name; Resolves = ($name -as [type]) -eq $e.Exception.GetType(); Own = $e.Exception -is [TokenAdmin.TokenAdminException] }
            }
            """);

        Assert.Equal(7, result.Output.Count);
        Assert.All(result.Output, o => Assert.True((bool)o.Properties["Resolves"].Value, $"{o.Properties["Id"].Value}: {o.Properties["Type"].Value} cannot be named in a script"));
        Assert.All(result.Output, o => Assert.True((bool)o.Properties["Own"].Value, $"{o.Properties["Id"].Value}: {o.Properties["Type"].Value} is not a TokenAdminException"));
        Assert.Contains(result.Output, o => (string)o.Properties["Type"].Value == "TokenAdmin.ServiceRequestException");
        Assert.Contains(result.Output, o => (string)o.Properties["Type"].Value == "TokenAdmin.TokenAdminException");
    }
}
