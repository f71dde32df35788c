using System;
using FinSpace.PowerShell.Internal;

namespace FinSpace.PowerShell.Tests.Loading;

/// <summary>
/// Import refuses PowerShell 7.0–7.3 and .NET Framework before 4.7.2 with a message naming the
/// supported hosts. Those hosts are not on this machine; the gate's decision is checked here and the
/// supported case in real pwsh by the Pester suite.
/// </summary>
public sealed class RuntimeGateTests
{
    [Theory]
    [InlineData(".NET 8.0.11", "8.0.11")]      // PowerShell 7.4
    [InlineData(".NET 9.0.4", "9.0.4")]        // PowerShell 7.5
    [InlineData(".NET 10.0.12", "10.0.12")]    // PowerShell 7.6
    [InlineData(".NET Framework 4.7.3062.0", "4.0.30319")] // 4.7.2
    [InlineData(".NET Framework 4.8.9232.0", "4.0.30319")] // 4.8.1
    public void SupportedHostsImport(string description, string version) =>
        Assert.Null(RuntimeGate.Refusal(description, Version.Parse(version)));

    [Theory]
    [InlineData(".NET Core 3.1.32", "3.1.32")] // PowerShell 7.0
    [InlineData(".NET 5.0.17", "5.0.17")]      // PowerShell 7.1
    [InlineData(".NET 6.0.36", "6.0.36")]      // PowerShell 7.2
    [InlineData(".NET 7.0.20", "7.0.20")]      // PowerShell 7.3
    [InlineData(".NET Framework 4.7.2558.0", "4.0.30319")] // 4.7.1
    [InlineData(".NET Framework 4.6.1590.0", "4.0.30319")] // 4.6.2
    [InlineData("Mono 6.12.0.200", "4.0.30319")]
    public void OlderHostsAreRefusedWithTheSupportedOnesNamed(string description, string version)
    {
        var refusal = RuntimeGate.Refusal(description, Version.Parse(version));
        Assert.NotNull(refusal);
        Assert.Contains(description, refusal);
        Assert.Contains("PowerShell 7.4 or later", refusal);
        Assert.Contains("Windows PowerShell 5.1 on .NET Framework 4.7.2 or later", refusal);
    }
}
