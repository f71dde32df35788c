<#
.SYNOPSIS
    Runs the Pester suite in tests/Pester against the built FinSpace module and the local emulator.

.DESCRIPTION
    Needs PowerShell 7 and the Pester the repository pins, and a built repository: `dotnet build
    FinSpace.PowerShell.sln` lays out out/FinSpace, builds the emulator and lays Pester out in
    out/tools/Modules, which this script puts first on PSModulePath. Pester is taken from there
    only, never from a module installed on the machine. Builds nothing itself. Each test file
    starts its own emulator on a free loopback port and stops it afterwards.

    Prints Pester's detailed output, then one line "N passed, N failed, N skipped", and exits 0 only
    when every test and every block passed. `dotnet test` runs this script through
    tests/FinSpace.Pester.Tests, which reports one result per Pester test from -ResultPath.

.PARAMETER Configuration
    The build configuration whose emulator to start (the module in out/FinSpace is shared).

.PARAMETER Path
    Test files or folders to run; the whole suite by default.

.PARAMETER TestResultPath
    Also write NUnit XML results to this file.

.PARAMETER ResultPath
    Also write every test's path, result and error as JSON to this file, and the totals line to
    the same path with the extension .summary.txt (read by tests/FinSpace.Pester.Tests and .ci/run).

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

    [string] $TestResultPath,

    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'

if ($PSVersionTable.PSVersion.Major -lt 7) {
    [Console]::Error.WriteLine("The FinSpace Pester suite needs PowerShell 7 (pwsh); this is $($PSVersionTable.PSVersion).")
    exit 2
}

# The Pester the build laid out (tests/FinSpace.Pester.Tests pins its version), first on PSModulePath
# so that a module installed on the machine never stands in for it.
$repositoryRoot = Split-Path -Path (Split-Path -Path $PSScriptRoot -Parent) -Parent
$pinnedModules = Join-Path $repositoryRoot 'out/tools/Modules'
$env:PSModulePath = $pinnedModules + [System.IO.Path]::PathSeparator + $env:PSModulePath
$pester = Get-Module -ListAvailable -Name Pester -ErrorAction SilentlyContinue |
    Where-Object { $_.Path.StartsWith($pinnedModules) -and $_.Version -ge [version]'5.5.0' -and $_.Version.Major -eq 5 } |
    Sort-Object -Property Version -Descending |
    Select-Object -First 1
if ($null -eq $pester) {
    [Console]::Error.WriteLine("Pester 5.5+ is not laid out in $pinnedModules. Run 'dotnet build tests/FinSpace.Pester.Tests' (dotnet test does it): it restores the pinned Pester from NuGet and lays it out there.")
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

function Export-FSPesterResult {
    <# Every test, failed block and failed container as JSON: one entry per result to report. #>
    param([Parameter(Mandatory)] $Result, [Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Summary)

    $entries = [System.Collections.Generic.List[object]]::new()
    foreach ($test in $Result.Tests) {
        $entries.Add([ordered]@{
            kind       = 'Test'
            file       = Split-Path -Path $test.ScriptBlock.File -Leaf
            # With the <Name> templates of -ForEach filled in, so a failure names its data row.
            path       = @($test.Path | Select-Object -First ($test.Path.Count - 1)) + @($test.ExpandedName)
            result     = "$($test.Result)"
            durationMs = [int] $test.Duration.TotalMilliseconds
            error      = @($test.ErrorRecord | ForEach-Object { "$_`n$($_.ScriptStackTrace)" }) -join "`n"
        })
    }

    foreach ($block in $Result.FailedBlocks) {
        $entries.Add([ordered]@{
            kind       = 'Block'
            file       = Split-Path -Path $block.ScriptBlock.File -Leaf
            path       = @($block.Path)
            result     = 'Failed'
            durationMs = [int] $block.Duration.TotalMilliseconds
            error      = @($block.ErrorRecord | ForEach-Object { "$_`n$($_.ScriptStackTrace)" }) -join "`n"
        })
    }

    foreach ($container in $Result.FailedContainers) {
        $entries.Add([ordered]@{
            kind       = 'Container'
            file       = "$($container.Item)"
            path       = @("$($container.Item)")
            result     = 'Failed'
            durationMs = [int] $container.Duration.TotalMilliseconds
            error      = @($container.ErrorRecord | ForEach-Object { "$_`n$($_.ScriptStackTrace)" }) -join "`n"
        })
    }

    $directory = Split-Path -Path $Path -Parent
    if ($directory) {
        $null = New-Item -ItemType Directory -Force -Path $directory
    }

    [ordered]@{ summary = $Summary; results = $entries } | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $Path -Encoding utf8
    Set-Content -LiteralPath ([System.IO.Path]::ChangeExtension($Path, '.summary.txt')) -Value $Summary -Encoding utf8
}

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
    # Built once per run (TestHelpers' Get-FSPackage): the next run in this process builds again.
    $env:FINSPACE_TEST_PACKAGE_BUILT = $null
    $env:FINSPACE_TEST_CONFIGURATION = $previousConfiguration
}

if ($null -eq $pesterResult) {
    [Console]::Error.WriteLine('Pester returned no result.')
    exit 1
}

$summary = '{0} passed, {1} failed, {2} skipped, {3} not run (Pester {4}, PowerShell {5})' -f `
    $pesterResult.PassedCount, $pesterResult.FailedCount, $pesterResult.SkippedCount, $pesterResult.NotRunCount, $pester.Version, $PSVersionTable.PSVersion
Write-Host $summary

if ($ResultPath) {
    Export-FSPesterResult -Result $pesterResult -Path $ResultPath -Summary $summary
}

if ($pesterResult.Result -ne 'Passed' -or $pesterResult.FailedCount -gt 0 -or $pesterResult.FailedBlocksCount -gt 0 -or $pesterResult.FailedContainersCount -gt 0) {
    exit 1
}

exit 0
