<#
    Benchmark (reports, asserts nothing): pipes -Count New-FSUser through one pwsh against an emulator
    injecting faults (default 20 % throttling, 5 % HTTP 500, 1 % dropped connections, seeded), then
    turns the faults off and checks the emulator's state: how many users were emitted, how many were
    reported failed, how many of those "failed" users nevertheless exist, and duplicates by e-mail.

        dotnet pwsh -NoProfile -NonInteractive -File benchmarks/bulk/Measure-BulkFaults.ps1 -Count 1000 -ThrottleLimit 1

    Prints one JSON document. Needs the built module and emulator (dotnet build FinSpace.PowerShell.sln).
#>
[CmdletBinding()]
param(
    [int] $Count = 1000,
    [int] $ThrottleLimit = 0,
    [double] $ThrottleRate = 0.2,
    [double] $ErrorRate = 0.05,
    [double] $DropRate = 0.01,
    [int] $FaultSeed = 42,
    # CreateUser requests/s the emulator allows (its token bucket, burst = rate); 0 = no limit.
    [int] $RateLimit = 0,
    [string] $Configuration = 'Release',
    [string] $Url,
    # FinSpace.PowerShell (New-FSUser: create, then read back) or boto3 (a create_user loop, default client).
    [ValidateSet('FinSpace.PowerShell', 'boto3')]
    [string] $Client = 'FinSpace.PowerShell',
    [string] $Python = 'python3'
)

$ErrorActionPreference = 'Stop'
$env:FINSPACE_TEST_CONFIGURATION = $Configuration
Import-Module (Join-Path $PSScriptRoot '../../tests/Pester/TestHelpers.psm1') -Force
$null = Import-FSModule
$credential = Get-FSEmulatorCredential
$emulator = if ($Url) { [pscustomobject]@{ Url = $Url } } else { Start-FSEmulator -ArgumentList '--step-ms', '0' }
try {
    Connect-FSEnvironment -EndpointUrl $emulator.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
    Reset-FSEmulator -Emulator $emulator
    $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{
        throttleRate = $ThrottleRate; errorRate = $ErrorRate; dropRate = $DropRate; seed = $FaultSeed
    }

    if ($RateLimit -gt 0) {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'limits' -Body @{ operations = @{ CreateUser = $RateLimit } }
    }

    $run = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $emails = 1..$Count | ForEach-Object { 'bulk-{0}-{1:d5}@example.com' -f $run, $_ }
    $extra = @{}
    if ($ThrottleLimit -gt 0) { $extra.ThrottleLimit = $ThrottleLimit }

    $errors = $null
    $watch = [Diagnostics.Stopwatch]::StartNew()
    if ($Client -eq 'boto3') {
        $boto = & $Python (Join-Path $PSScriptRoot '../baseline/boto3_bulk.py') --endpoint-url $emulator.Url create --count $Count --prefix "bulk-$run" | ConvertFrom-Json
        $emitted = @(1..$boto.succeeded)
        $errors = @($boto.failedItems | ForEach-Object { [pscustomobject]@{ TargetObject = $_; CategoryInfo = [pscustomobject]@{ Category = 'boto3' }; FullyQualifiedErrorId = 'boto3' } })
        $extra.ThrottleLimit = 1
    }
    else {
        $emitted = @($emails | ForEach-Object { [pscustomobject]@{ EmailAddress = $_ } } | New-FSUser @extra -ErrorAction SilentlyContinue -ErrorVariable errors)
    }
    $watch.Stop()

    $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'faults'
    $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'limits'
    $counters = Invoke-FSEmulatorAdmin -Emulator $emulator -Method GET -Path 'counters'
    $users = @(Get-FSUser | Where-Object { $_.EmailAddress -like "bulk-$run-*" })
    $byEmail = $users | Group-Object -Property EmailAddress
    $existing = @{}
    foreach ($u in $users) { $existing[$u.EmailAddress] = $u; $existing[$u.UserId] = $u }
    $failedTargets = @($errors | ForEach-Object { "$($_.TargetObject)" })

    [ordered]@{
        client              = if ($Client -eq 'boto3') { $boto.client } else { 'FinSpace.PowerShell' }
        count               = $Count
        throttleLimit       = if ($ThrottleLimit -gt 0) { $ThrottleLimit } else { 'default' }
        retryMode           = if ($env:AWS_RETRY_MODE) { $env:AWS_RETRY_MODE } else { 'standard (default)' }
        faults              = [ordered]@{ throttleRate = $ThrottleRate; errorRate = $ErrorRate; dropRate = $DropRate; seed = $FaultSeed }
        seconds             = [math]::Round($watch.Elapsed.TotalSeconds, 2)
        emitted             = $emitted.Count
        reportedFailed      = $errors.Count
        failedByCategory    = [ordered]@{} + ($errors | Group-Object { $_.CategoryInfo.Category } | ForEach-Object -Begin { $h = [ordered]@{} } -Process { $h[$_.Name] = $_.Count } -End { $h })
        failedByErrorId     = if ($Client -eq 'boto3') { $boto.errors } else { $null }
        failedByErrorIdOurs = ($errors | Group-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | ForEach-Object -Begin { $h = [ordered]@{} } -Process { $h[$_.Name] = $_.Count } -End { $h })
        failedButExist      = @($failedTargets | Where-Object { $existing.ContainsKey($_) }).Count
        usersCreated        = $byEmail.Count
        missing             = $Count - $byEmail.Count
        duplicates          = @($byEmail | Where-Object Count -gt 1 | ForEach-Object { $_.Count - 1 } | Measure-Object -Sum).Sum + 0
        requestsReceived    = $counters.total
        rateLimit           = $RateLimit
        refusedByRateLimit  = $counters.rateLimited.total
        createsPerSecond    = [math]::Round($Count / $watch.Elapsed.TotalSeconds, 1)
        percentOfLimit      = if ($RateLimit -gt 0) { [math]::Round(100 * ($Count - $RateLimit) / ($watch.Elapsed.TotalSeconds - 1) / $RateLimit, 1) } else { $null }
    } | ConvertTo-Json -Depth 4
}
finally {
    if (-not $Url) { Stop-FSEmulator -Emulator $emulator }
}
