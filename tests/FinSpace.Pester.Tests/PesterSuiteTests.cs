using System.Collections.Generic;
using System.Linq;

namespace FinSpace.Pester.Tests;

/// <summary>
/// Every Pester test in tests/Pester, run in the pinned real PowerShell against the built module and
/// the emulator, as its own xunit result: a failure is reported under its file, Describe, Context and
/// It. A skipped or not-run Pester test fails here, saying so: a test that cannot run is a failure.
/// </summary>
public sealed class PesterSuiteTests
{
    public static IEnumerable<TheoryDataRow<PesterResult>> Results() =>
        PesterRun.Shared.Results.Select(result => new TheoryDataRow<PesterResult>(result) { TestDisplayName = "Pester: " + result.DisplayName });

    [Theory]
    [MemberData(nameof(Results), DisableDiscoveryEnumeration = true)]
    public void Passes(PesterResult test)
    {
        TestContext.Current.SendDiagnosticMessage($"{test.DisplayName}: {test.Result} in {test.DurationMs} ms ({PesterRun.Shared.Summary})");
        Assert.True(test.Passed, $"{test.DisplayName} {test.Result.ToLowerInvariant()}" + (test.Result is "Skipped" or "NotRun" or "Inconclusive" ? " (a Pester test that does not run counts as a failure here)" : string.Empty) + $":\n{test.Error}");
    }
}
