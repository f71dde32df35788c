<#
    Jobs in one process, as Azure Automation runs them in one sandbox: each job is a new runspace that
    imports the module, connects with its own credentials and endpoint and does a little work; two
    run at a time, both connected before
    either sends a request. Started by Runbooks.Tests.ps1 in a fresh pwsh; prints 'FSRESULT <json>'.

    -Rounds 1: one pair of concurrent jobs, each doing -Requests rounds of create + read and reporting
    what it saw (its datasets, its session default) for the test to tell apart.
    -Rounds N: N pairs one after another (2N jobs), half of them ending without
    Disconnect-FSEnvironment (a runbook that forgets); the working set and the managed heap after a
    full collection are printed every -SampleEvery jobs and returned.
#>
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $TenantsJson,
    [int] $Rounds = 1,
    [int] $Requests = 20,
    [int] $SampleEvery = 50
)

$ErrorActionPreference = 'Stop'
$tenants = @(ConvertFrom-Json -InputObject $TenantsJson)

$job = {
    param($ManifestPath, $Tenant, [int] $Job, [int] $Requests, [bool] $Disconnect, [System.Threading.Barrier] $Connected)
    $ErrorActionPreference = 'Stop'
    Import-Module -Name $ManifestPath
    Connect-FSEnvironment -EndpointUrl $Tenant.Url -AccessKey $Tenant.AccessKey -SecretKey $Tenant.SecretKey -Region $Tenant.Region
    # Both jobs of a pair are connected before either sends its first request.
    if (-not $Connected.SignalAndWait([TimeSpan]::FromSeconds(60))) {
        throw 'The other job of the pair did not connect within 60 s.'
    }

    $started = [DateTime]::UtcNow.Ticks
    $endpoints = [System.Collections.Generic.List[string]]::new()
    for ($i = 0; $i -lt $Requests; $i++) {
        $null = New-FSDataset -Title ('{0}-job{1}-{2}' -f $Tenant.Name, $Job, $i)
        $endpoints.Add((Get-FSEnvironment).EndpointUrl)
    }

    $environment = Get-FSEnvironment
    [pscustomobject]@{
        Tenant      = $Tenant.Name
        Endpoints   = @($endpoints | Sort-Object -Unique)
        AccessKeyId = $environment.AccessKeyId
        Titles      = @(Get-FSDataset | Where-Object Title -like "*-job$Job-*" | ForEach-Object Title)
        Started     = $started
        Finished    = [DateTime]::UtcNow.Ticks
    }

    if ($Disconnect) {
        Disconnect-FSEnvironment
    }
}

function Start-SandboxJob([object] $Tenant, [int] $Number, [bool] $Disconnect, [System.Threading.Barrier] $Connected) {
    $runspace = [runspacefactory]::CreateRunspace([System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2())
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    $null = $shell.AddScript($job).AddParameters(@{ ManifestPath = $ManifestPath; Tenant = $Tenant; Job = $Number; Requests = $Requests; Disconnect = $Disconnect; Connected = $Connected })
    [pscustomobject]@{ Shell = $shell; Runspace = $runspace; Handle = $shell.BeginInvoke(); Number = $Number }
}

function Complete-SandboxJob([object] $Running) {
    try {
        $output = @($Running.Shell.EndInvoke($Running.Handle))
        $errors = @($Running.Shell.Streams.Error | ForEach-Object { "$_" })
        [pscustomobject]@{ Number = $Running.Number; Output = $output; Errors = $errors }
    }
    catch {
        [pscustomobject]@{ Number = $Running.Number; Output = @(); Errors = @("$_") }
    }
    finally {
        $Running.Shell.Dispose()
        $Running.Runspace.Dispose()
    }
}

function Get-Footprint([int] $Jobs) {
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    [GC]::Collect()
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    $sample = [ordered]@{
        Jobs          = $Jobs
        ManagedMB     = [math]::Round([GC]::GetTotalMemory($true) / 1MB, 1)
        WorkingSetMB  = [math]::Round($process.WorkingSet64 / 1MB, 1)
    }
    Write-Host ('jobs {0,4}: managed heap {1,7:N1} MB, working set {2,7:N1} MB' -f $sample.Jobs, $sample.ManagedMB, $sample.WorkingSetMB)
    $sample
}

$results = [System.Collections.Generic.List[object]]::new()
$samples = [System.Collections.Generic.List[object]]::new()
$failures = [System.Collections.Generic.List[string]]::new()
$number = 0
if ($Rounds -gt 1) {
    $samples.Add((Get-Footprint -Jobs 0))
}

for ($round = 0; $round -lt $Rounds; $round++) {
    $connected = [System.Threading.Barrier]::new($tenants.Count)
    $running = foreach ($tenant in $tenants) {
        $number++
        Start-SandboxJob -Tenant $tenant -Number $number -Disconnect ($number % 2 -eq 0) -Connected $connected
    }

    foreach ($item in $running) {
        $completed = Complete-SandboxJob -Running $item
        foreach ($message in $completed.Errors) { $failures.Add("job $($completed.Number): $message") }
        if ($Rounds -eq 1) { $results.Add($completed.Output) }
    }

    $connected.Dispose()

    if ($Rounds -gt 1 -and $number % $SampleEvery -eq 0) {
        $samples.Add((Get-Footprint -Jobs $number))
    }
}

'FSRESULT ' + (ConvertTo-Json -Compress -Depth 6 -InputObject ([ordered]@{
            Results  = @($results | ForEach-Object { $_ })
            Samples  = @($samples)
            Failures = @($failures)
            Jobs     = $number
        }))
