using System.IO;
using System.Linq;
using System.Text.Json;
using TokenAdmin.Core.Audit;
using TokenAdmin.SecurId;
using TokenAdmin.Tests.SecurId;
using Xunit;

namespace TokenAdmin.Tests.Audit;

public sealed class SecurIdAuditTests : SecurIdTestContext
{
    [Fact]
    public void A_deletion_is_logged_with_the_serial_the_owner_and_the_access_id_never_a_key_or_JWT()
    {
        var connection = Connect();
        var directory = Directory.CreateTempSubdirectory("tokenadmin-audit-").FullName;
        var path = Path.Combine(directory, "audit.jsonl");
        try
        {
            Auditing.Set(new AuditLogFile(path), includeWhatIf: false);

            Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = ["000123456789", "000999999999"], UserId = "jdoe", ThrottleLimit = 1 });

            var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["000123456789", "000999999999"], lines.Select(l => l.GetProperty("target").GetString()));
            Assert.Equal(["done", "failed"], lines.Select(l => l.GetProperty("outcome").GetString()));
            Assert.Equal(SecurIdErrors.SecurIdTokenNotFound, lines[1].GetProperty("errorId").GetString());
            Assert.All(lines, l => Assert.Equal("SecurId", l.GetProperty("service").GetString()));
            Assert.All(lines, l => Assert.Equal(connection.AccessId, l.GetProperty("identity").GetString()));
            Assert.All(lines, l => Assert.Equal("SecurIdHardwareToken", l.GetProperty("targetType").GetString()));
            Assert.All(lines, l => Assert.Equal("jdoe", l.GetProperty("owner").GetString()));
            var text = File.ReadAllText(path);
            Assert.DoesNotContain("eyJ", text, System.StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", text, System.StringComparison.Ordinal);
            Assert.All(KeyMaterial, fragment => Assert.DoesNotContain(fragment, text, System.StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_deletion_without_a_UserId_names_the_owner_the_service_answered_with()
    {
        Connect();
        var directory = Directory.CreateTempSubdirectory("tokenadmin-audit-").FullName;
        var path = Path.Combine(directory, "audit.jsonl");
        try
        {
            Auditing.Set(new AuditLogFile(path), includeWhatIf: false);

            Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = ["000123456789"] });

            var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(path))).RootElement;
            Assert.Equal("done", line.GetProperty("outcome").GetString());
            Assert.Equal("jdoe", line.GetProperty("owner").GetString()); // the -PassThru result knew it; so does the line
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
