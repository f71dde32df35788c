<#
    One cold job for Measure-Host.ps1, run as `pwsh -NoProfile -NonInteractive -File cold-job.ps1 …`
    in a fresh process: import the module and (unless -ImportOnly) get one dataset. Prints one line,
    'FSRESULT <import ms> <call ms> <methods JIT-compiled by the import> <… by the call> <SDK file>',
    with plain string formatting so that nothing beyond the job itself is compiled or loaded.
#>
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [string] $EndpointUrl,
    [string] $DatasetId,
    [switch] $ImportOnly
)

$ErrorActionPreference = 'Stop'
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$methods0 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
Import-Module -Name $ManifestPath
$importMs = $watch.Elapsed.TotalMilliseconds
$methods1 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
$callMs = 0
$methods2 = $methods1
$sdk = '-'
if (-not $ImportOnly) {
    $dataset = Get-FSDataset -DatasetId $DatasetId -EndpointUrl $EndpointUrl -Region us-east-1 `
        -AccessKey AKIAFINSPACEEMU00001 -SecretKey finspace-emulator-test-secret-00001
    $callMs = $watch.Elapsed.TotalMilliseconds - $importMs
    $methods2 = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    if ($dataset.DatasetId -ne $DatasetId) {
        throw "Get-FSDataset returned '$($dataset.DatasetId)', not '$DatasetId'."
    }

    $sdk = [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'AWSSDK.Core' }, 'First')[0].Location
}

[string]::Format([cultureinfo]::InvariantCulture, 'FSRESULT {0:F1} {1:F1} {2} {3} {4}', $importMs, $callMs, ($methods1 - $methods0), ($methods2 - $methods1), $sdk)
