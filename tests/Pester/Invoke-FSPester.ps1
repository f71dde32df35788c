<#
.SYNOPSIS
    Runs the Pester suite in tests/Pester against the built FinSpace module and the local emulator.

.DESCRIPTION
    Needs PowerShell 7 and Pester 5.5 or later, and a built repository (dotnet build
    FinSpace.PowerShell.sln lays out out/FinSpace and builds the emulator). Builds nothing itself.
    Each test file starts its own emulator on a free loopback port and stops it afterwards.

    Prints Pester's detailed output, then one line "N passed, N failed, N skipped", and exits 0 only
    when every test and every block passed. build.ps1 -Task Test and .ci/run reach this script
    through the xunit test PesterSuiteTests whenever pwsh is on PATH.

.PARAMETER Configuration
    The build configuration whose emulator to start (the module in out/FinSpace is shared).

.PARAMETER Path
    Test files or folders to run; the whole suite by default.

.PARAMETER TestResultPath
    Also write NUnit XML results to this file.

.EXAMPLE
    pwsh tests/Pester/Invoke-FSPester.ps1

.EXAMPLE
    pwsh tests/Pester/Invoke-FSPester.ps1 -Path tests/Pester/Datasets.Tests.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [string[]] $Path = @($PSScriptRoot),

    [string] $TestResultPath
)

$ErrorActionPreference = 'Stop'

if ($PSVersionTable.PSVersion.Major -lt 7) {
    [Console]::Error.WriteLine("The FinSpace Pester suite needs PowerShell 7 (pwsh); this is $($PSVersionTable.PSVersion).")
    exit 2
}

$pester = Get-Module -ListAvailable -Name Pester |
    Where-Object { $_.Version -ge [version]'5.5.0' } |
    Sort-Object -Property Version -Descending |
    Select-Object -First 1
if ($null -eq $pester) {
    [Console]::Error.WriteLine('Pester 5.5 or later is not installed. Install it with: Install-Module Pester -MinimumVersion 5.5 -Scope CurrentUser')
    exit 2
}

Remove-Module -Name Pester -ErrorAction SilentlyContinue
Import-Module -Name $pester.Path -Force

# TestHelpers.psm1 reads the configuration from the environment, because each test file imports
# it afresh.
$previousConfiguration = $env:FINSPACE_TEST_CONFIGURATION
$env:FINSPACE_TEST_CONFIGURATION = $Configuration
Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force

# Fail before Pester starts when the module or the emulator is not built: one clear message instead
# of every file failing the same way.
try {
    $moduleManifestPath = Get-FSModuleManifestPath
    $emulatorPath = Get-FSEmulatorPath
}
catch {
    [Console]::Error.WriteLine($_.Exception.Message)
    $env:FINSPACE_TEST_CONFIGURATION = $previousConfiguration
    exit 2
}

Write-Host "FinSpace module: $moduleManifestPath"
Write-Host "Emulator:        $emulatorPath"
Write-Host "Pester:          $($pester.Version) on PowerShell $($PSVersionTable.PSVersion)"

$pesterConfiguration = New-PesterConfiguration
$pesterConfiguration.Run.Path = $Path
$pesterConfiguration.Run.PassThru = $true
$pesterConfiguration.Run.Exit = $false
$pesterConfiguration.Output.Verbosity = 'Detailed'
if ($TestResultPath) {
    $pesterConfiguration.TestResult.Enabled = $true
    $pesterConfiguration.TestResult.OutputFormat = 'NUnitXml'
    $pesterConfiguration.TestResult.OutputPath = $TestResultPath
}

$pesterResult = $null
try {
    $pesterResult = Invoke-Pester -Configuration $pesterConfiguration
}
finally {
    # A test file whose AfterAll never ran may have left its emulator behind: stop those, by id
    # (TestHelpers.psm1 records each one it starts in this variable and removes it when stopped).
    $leftoverIds = @("$env:FINSPACE_TEST_EMULATOR_PIDS".Split(';') | Where-Object { $_ })
    foreach ($processId in $leftoverIds) {
        $leftover = Get-Process -Id ([int] $processId) -ErrorAction SilentlyContinue
        if ($null -ne $leftover -and $leftover.ProcessName -eq 'dotnet') {
            Write-Warning "Stopping emulator process $processId that a test file left running."
            Stop-Process -Id ([int] $processId) -Force -ErrorAction SilentlyContinue
        }
    }

    $env:FINSPACE_TEST_EMULATOR_PIDS = $null
    $env:FINSPACE_TEST_CONFIGURATION = $previousConfiguration
}

if ($null -eq $pesterResult) {
    [Console]::Error.WriteLine('Pester returned no result.')
    exit 1
}

Write-Host ('{0} passed, {1} failed, {2} skipped' -f $pesterResult.PassedCount, $pesterResult.FailedCount, $pesterResult.SkippedCount)

if ($pesterResult.Result -ne 'Passed' -or $pesterResult.FailedCount -gt 0 -or $pesterResult.FailedBlocksCount -gt 0 -or $pesterResult.FailedContainersCount -gt 0) {
    exit 1
}

exit 0
