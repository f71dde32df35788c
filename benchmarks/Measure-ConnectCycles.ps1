<#
    Measures what 1,000 Connect-FSEnvironment / call / Disconnect-FSEnvironment cycles in one pwsh
    leave behind: managed heap (after a full collection) and working set, before and after, and the
    client cache's size. A measurement, not a test: it reports and asserts nothing.

        dotnet build FinSpace.PowerShell.sln
        dotnet pwsh -NoProfile -NonInteractive -File benchmarks/Measure-ConnectCycles.ps1 [-Cycles 1000] [-OutFile benchmarks/results/connect-cycles.md]
#>
param(
    [ValidateRange(1, 100000)] [int] $Cycles = 1000,
    [string] $OutFile
)

$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path $PSScriptRoot '../tests/Pester/TestHelpers.psm1') -Force
$null = Import-FSModule
$credential = Get-FSEmulatorCredential
$emulator = Start-FSEmulator -ArgumentList '--step-ms', '20'

function Measure-Memory {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $process.Refresh()
    [pscustomobject]@{ HeapMB = [math]::Round([GC]::GetTotalMemory($true) / 1MB, 1); WorkingSetMB = [math]::Round($process.WorkingSet64 / 1MB, 1) }
}

function Invoke-Cycle {
    # A new session default each time, and one request, so each cycle builds (and should free) a client.
    Connect-FSEnvironment -EndpointUrl $emulator.Url -Region us-east-1 -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey
    $null = @(Get-FSDataset)
    Disconnect-FSEnvironment
}

try {
    # Warm up: load, JIT, first connections.
    foreach ($i in 1..50) { Invoke-Cycle }
    $before = Measure-Memory
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    foreach ($i in 1..$Cycles) { Invoke-Cycle }
    $clock.Stop()
    $after = Measure-Memory
    $cached = (Get-FSEnvironment -EndpointUrl $emulator.Url -Region us-east-1 -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey).CachedClients
}
finally {
    Stop-FSEmulator -Emulator $emulator
}

$cpu = (Get-Content -LiteralPath /proc/cpuinfo -ErrorAction SilentlyContinue | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -replace '^model name\s*:\s*', ''
$report = @"
# Connect / call / Disconnect cycles

``dotnet pwsh -NoProfile -NonInteractive -File benchmarks/Measure-ConnectCycles.ps1 -Cycles $Cycles``

Machine: $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), $([Environment]::ProcessorCount) cores ($cpu), PowerShell $($PSVersionTable.PSVersion) on $([System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription); emulator on loopback; after 50 warm-up cycles.

| | managed heap (MB) | working set (MB) |
| --- | ---: | ---: |
| before $Cycles cycles | $($before.HeapMB) | $($before.WorkingSetMB) |
| after $Cycles cycles | $($after.HeapMB) | $($after.WorkingSetMB) |

$Cycles cycles took $([math]::Round($clock.Elapsed.TotalSeconds, 1)) s. Clients in the cache afterwards: $cached (capacity 32; each Disconnect evicts and disposes its session's client).
"@

$report
if ($OutFile) {
    Set-Content -LiteralPath $OutFile -Value $report -Encoding utf8
}
