#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, documents, packages and demonstrates the FinSpace module.

.DESCRIPTION
    One entry point for contributors. Every task wraps plain dotnet commands, so everything here
    also works without PowerShell (see README.md):

      Build     dotnet build: lays out the importable module in out/FinSpace (manifest, cmdlet
                assembly, views, help, dependencies/).
      Test      dotnet test: xunit (client, emulator, boto3 conformance, cmdlet core and metadata)
                and the Pester suite in tests/Pester, which an xunit test runs whenever pwsh is
                on PATH (as it is when this script runs).
      Help      Rebuilds out/FinSpace/en-US from docs/help.
      Package   Release packages in out/artifacts: FinSpace.zip (root folder FinSpace/) and
                FinSpace.<version>.nupkg (Publish-PSResource). Same as
                `dotnet build src/FinSpace.PowerShell -t:Package`.
      Demo      Builds, starts the local emulator, imports the module into this PowerShell and
                runs the administrator's scripts in samples/ against it (-NoBuild: skip the build).
      Emulator  Starts the local emulator in the foreground on port 8641.
      Clean     Removes out/, artifacts/ and every bin/obj folder.

.EXAMPLE
    ./build.ps1
    Builds the module into out/FinSpace.

.EXAMPLE
    ./build.ps1 -Task Test
    Runs every test, including the Pester suite.

.EXAMPLE
    ./build.ps1 -Task Demo
    Builds, starts the emulator and runs the scripts in samples/ against it in this PowerShell.
    From a shell with only the .NET SDK: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package', 'Demo', 'Emulator', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Demo only: use the module and emulator an earlier build laid out (the tests run the demo so).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'FinSpace.PowerShell.sln'
$moduleDir = Join-Path $root 'out/FinSpace'
$artifacts = Join-Path $root 'out/artifacts'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Start-Emulator {
    param([int] $Port = 0, [string[]] $Arguments = @())
    $dll = Join-Path $root "src/FinSpace.Emulator/bin/$Configuration/net10.0/FinSpace.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built ($dll). Run ./build.ps1 first." }
    $log = [System.IO.Path]::GetTempFileName()
    # Start-Process joins its arguments with spaces: quote the path, which may hold some.
    $argumentLine = (@("`"$dll`"", '--port', $Port) + $Arguments) -join ' '
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $argumentLine `
        -RedirectStandardOutput $log -PassThru -NoNewWindow
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        $line = Get-Content -Path $log -ErrorAction SilentlyContinue | Where-Object { $_ -match 'listening on (http://\S+)' } | Select-Object -First 1
        if ($line) {
            return [pscustomobject]@{ Url = $Matches[1]; Process = $process; Log = $log }
        }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
    throw "The emulator did not start: $(Get-Content -Path $log -Raw -ErrorAction SilentlyContinue)"
}

function Invoke-Build { Invoke-Dotnet build $solution -c $Configuration --nologo }

function Invoke-Test {
    Invoke-Dotnet test $solution -c $Configuration --nologo
}

function Invoke-Help {
    # The help builder runs as part of the module build whenever docs/help changes.
    Remove-Item -Recurse -Force (Join-Path $moduleDir 'en-US') -ErrorAction SilentlyContinue
    Invoke-Build
    Get-ChildItem (Join-Path $moduleDir 'en-US') | ForEach-Object { Write-Host "  $($_.FullName)" }
}

function Invoke-Package {
    # One place for packaging: the Package target (src/FinSpace.PowerShell/Module.targets) builds
    # Release without .pdb files into out/package/FinSpace, zips it as out/artifacts/FinSpace.zip and
    # makes the .nupkg with Publish-PSResource through a repository it unregisters afterwards.
    Invoke-Dotnet build (Join-Path $root 'src/FinSpace.PowerShell/FinSpace.PowerShell.csproj') -t:Package --nologo
}

function Show-ByType {
    # Out-Host formats a run of objects with the first one's view, so each run of one type is shown
    # on its own: every FinSpace type in its table view.
    begin { $batch = [System.Collections.Generic.List[object]]::new() }
    process {
        if ($batch.Count -and $batch[0].PSObject.TypeNames[0] -ne $_.PSObject.TypeNames[0]) {
            $batch | Out-Host
            $batch.Clear()
        }
        $batch.Add($_)
    }
    end { if ($batch.Count) { $batch | Out-Host } }
}

function Invoke-Demo {
    # A real PowerShell session: the built module imported into this pwsh, the emulator started,
    # then each administrator's script in samples/ run in turn, its output shown in the module's
    # own format views. tests/Pester/Samples.Tests.ps1 runs this task (with -NoBuild) in CI.
    if (-not $NoBuild) { Invoke-Build }
    $emulator = Start-Emulator -Arguments @('--step-ms', '200')
    try {
        Import-Module (Join-Path $moduleDir 'FinSpace.psd1') -Force
        Connect-FSEnvironment -EndpointUrl $emulator.Url -Region us-east-1 `
            -AccessKey AKIAFINSPACEEMU00001 -SecretKey finspace-emulator-test-secret-00001
        Write-Host "`nConnected to the FinSpace emulator at $($emulator.Url)" -ForegroundColor Green

        $samples = Join-Path $root 'samples'
        $steps = @(
            @{ Script = 'Onboard-Team.ps1'; Arguments = @{ Path = (Join-Path $samples 'data/quant-team.csv'); GroupName = 'Quant research' } }
            @{ Script = 'Load-Prices.ps1'; Arguments = @{ SourcePath = 's3://finspace-emulator-working/finspace/ingestion/prices-2024-06-28.csv'; PollIntervalSec = 0.2 } }
            @{ Script = 'Audit-Access.ps1'; Arguments = @{} }
        )
        foreach ($step in $steps) {
            $arguments = $step.Arguments
            Write-Host "`nPS> ./samples/$($step.Script) $(($arguments.GetEnumerator() | Sort-Object Key | ForEach-Object { "-$($_.Key) $($_.Value)" }) -join ' ')" -ForegroundColor Cyan
            & (Join-Path $samples $step.Script) @arguments | Show-ByType
        }

        Write-Host "`nPS> Get-FSDataset -DatasetId no-such-dataset" -ForegroundColor Cyan
        Get-FSDataset -DatasetId 'no-such-dataset' -ErrorAction SilentlyContinue -ErrorVariable missing
        Write-Host "A missing id is one non-terminating error: $($missing[0].CategoryInfo.Category), $($missing[0].FullyQualifiedErrorId)"
    }
    finally {
        Disconnect-FSEnvironment -ErrorAction SilentlyContinue
        Stop-Process -Id $emulator.Process.Id -ErrorAction SilentlyContinue
        Remove-Item $emulator.Log -ErrorAction SilentlyContinue
    }
}

function Invoke-Emulator {
    Invoke-Dotnet run --project (Join-Path $root 'src/FinSpace.Emulator') -c $Configuration -- --port 8641
}

function Invoke-Clean {
    foreach ($path in @($moduleDir, $artifacts)) { Remove-Item -Recurse -Force $path -ErrorAction SilentlyContinue }
    Get-ChildItem -Path $root -Directory -Recurse -Include bin, obj |
        Where-Object { $_.FullName -notmatch '[\\/]\.git[\\/]' } |
        Remove-Item -Recurse -Force
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Yellow
    & "Invoke-$name"
}
