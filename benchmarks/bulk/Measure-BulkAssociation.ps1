<#
    Benchmark (reports, asserts nothing): 1,000 Add-FSUserToPermissionGroup associations against one
    emulator (no faults), three ways: our pipeline with -ThrottleLimit 16, our sequential pipeline
    (-ThrottleLimit 1), and a boto3 loop in one Python process (benchmarks/baseline/boto3_bulk.py).
    Each way gets its own permission group and the same seeded users. Prints one JSON document.

        dotnet pwsh -NoProfile -NonInteractive -File benchmarks/bulk/Measure-BulkAssociation.ps1 -Count 1000
#>
[CmdletBinding()]
param(
    [int] $Count = 1000,
    [int] $ThrottleLimit = 16,
    [string] $Configuration = 'Release',
    [string] $Python = 'python3',
    # Added by the emulator to every request, standing in for a real service's round trip (0 = loopback only).
    [int] $LatencyMs = 0
)

$ErrorActionPreference = 'Stop'
$env:FINSPACE_TEST_CONFIGURATION = $Configuration
Import-Module (Join-Path $PSScriptRoot '../../tests/Pester/TestHelpers.psm1') -Force
$null = Import-FSModule
$credential = Get-FSEmulatorCredential
$emulator = Start-FSEmulator -ArgumentList '--step-ms', '0', '--seed-users', "$Count"
try {
    Connect-FSEnvironment -EndpointUrl $emulator.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
    $userIds = @(Get-FSUser | Select-Object -First $Count -ExpandProperty UserId)
    # Warm both sides' first-call costs out of the measurement.
    $warm = New-FSPermissionGroup -Name 'warm-up'
    $userIds | Select-Object -First 50 | Add-FSUserToPermissionGroup -PermissionGroupId $warm.PermissionGroupId -ThrottleLimit $ThrottleLimit

    if ($LatencyMs -gt 0) {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ latencyMs = $LatencyMs }
    }

    $results = [ordered]@{ count = $Count; users = $userIds.Count; latencyMs = $LatencyMs }
    foreach ($way in @(@{ Name = "pwsh -ThrottleLimit $ThrottleLimit"; Limit = $ThrottleLimit }, @{ Name = 'pwsh sequential (-ThrottleLimit 1)'; Limit = 1 })) {
        $group = New-FSPermissionGroup -Name ('bench-' + $way.Limit)
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $userIds | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -ThrottleLimit $way.Limit -ErrorAction SilentlyContinue -ErrorVariable failures
        $watch.Stop()
        $members = @(Get-FSUser -PermissionGroupId $group.PermissionGroupId).Count
        $results[$way.Name] = [ordered]@{ seconds = [math]::Round($watch.Elapsed.TotalSeconds, 2); perSecond = [math]::Round($userIds.Count / $watch.Elapsed.TotalSeconds, 1); failed = $failures.Count; members = $members }
    }

    $group = New-FSPermissionGroup -Name 'bench-boto3'
    $idsFile = [IO.Path]::GetTempFileName()
    Set-Content -LiteralPath $idsFile -Value $userIds
    $script = Join-Path $PSScriptRoot '../baseline/boto3_bulk.py'
    $boto = & $Python $script --endpoint-url $emulator.Url associate --group-id $group.PermissionGroupId --user-ids-file $idsFile | ConvertFrom-Json
    Remove-Item -LiteralPath $idsFile
    $boto | Add-Member -NotePropertyName perSecond -NotePropertyValue ([math]::Round($boto.items / $boto.seconds, 1))
    $boto | Add-Member -NotePropertyName members -NotePropertyValue (@(Get-FSUser -PermissionGroupId $group.PermissionGroupId).Count)
    $results['boto3 loop'] = $boto

    $parallel = $results["pwsh -ThrottleLimit $ThrottleLimit"].seconds
    $results['speedupOverSequential'] = [math]::Round($results['pwsh sequential (-ThrottleLimit 1)'].seconds / $parallel, 2)
    $results['speedupOverBoto3'] = [math]::Round($boto.seconds / $parallel, 2)
    $results | ConvertTo-Json -Depth 4
}
finally {
    Stop-FSEmulator -Emulator $emulator
}
