using System;
using System.IO;
using FinSpace.Management;

namespace FinSpace.PowerShell.Tests.Core;

/// <summary>-ProfileName completion reads the profiles of the file -ProfileLocation names.</summary>
public sealed class ProfileNamesTests
{
    [Fact]
    public void NamesTheProfilesOfTheFileThatStartWithWhatWasTyped()
    {
        var file = Path.Combine(Path.GetTempPath(), "finspace-profiles-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "[finance-admin]\naws_access_key_id = AKIAPROFILE000000001\naws_secret_access_key = s1\n\n[Finance-Reader]\naws_access_key_id = AKIAPROFILE000000002\naws_secret_access_key = s2\n\n[ops]\naws_access_key_id = AKIAPROFILE000000003\naws_secret_access_key = s3\n");
        try
        {
            Assert.Equal(new[] { "finance-admin", "Finance-Reader" }, ProfileNames.Matching("fin", file));
            Assert.Equal(new[] { "finance-admin", "Finance-Reader", "ops" }, ProfileNames.Matching(null, file));
            Assert.Empty(ProfileNames.Matching("nobody", file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AMissingFileNamesNothingAndThrowsNothing() =>
        Assert.Empty(ProfileNames.Matching("", Path.Combine(Path.GetTempPath(), "finspace-no-such-file-" + Guid.NewGuid().ToString("N"))));
}
