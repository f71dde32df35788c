<#
    The real host side by side (reports; asserts nothing): the FinSpace cmdlets in pwsh, boto3, the
    AWS CLI (v1) and a raw HttpClient GET, against ONE emulator seeded in this run, cold (fresh
    processes) and warm (one pwsh, one Python process per measurement). Writes host.md and host.json
    to -OutputDirectory, with the machine described and the load average before and after.

        dotnet pwsh -NoProfile -NonInteractive -File benchmarks/host/Measure-Host.ps1
        dotnet pwsh -NoProfile -NonInteractive -File benchmarks/host/Measure-Host.ps1 -Quick -OutputDirectory /tmp/host

    Every figure is the median of -Runs rounds (spread = min..max), and also a ratio to its baseline.
    -Quick is the smallest mode (one round, small counts): it proves the command runs end to end
    and is what tests/Pester/HostBenchmark.Tests.ps1 runs; its numbers mean nothing.
    The module is -ModulePath (default: out/FinSpace, what the last build laid out; for published
    numbers build Release first, e.g. `dotnet build src/FinSpace.PowerShell -t:Package` and pass
    out/package/FinSpace/FinSpace.psd1).
#>
[CmdletBinding()]
param(
    [string] $ModulePath,
    [string] $OutputDirectory,
    [ValidateRange(1, 50)] [int] $Runs = 7,
    [ValidateRange(1, 1000000)] [int] $SmallListing = 10000,
    [ValidateRange(1, 1000000)] [int] $LargeListing = 100000,
    [ValidateRange(1, 100000)] [int] $Gets = 1000,
    [ValidateRange(1, 100000)] [int] $BulkItems = 300,
    [int[]] $ThrottleLimit = @(1, 4, 16),
    # Added by the emulator to each request of the bulk rows only, standing in for a remote service.
    [ValidateRange(0, 1000)] [int] $BulkLatencyMs = 5,
    [ValidateRange(1, 1000)] [int] $ImportFiles = 8,
    [ValidateRange(1, 1000000)] [int] $ImportFileKiB = 2048,
    [string] $Python = 'python3',
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if ($Quick) {
    $Runs = 1; $SmallListing = 200; $LargeListing = 1000; $Gets = 20; $BulkItems = 20; $ThrottleLimit = @(1, 4)
    $BulkLatencyMs = 1; $ImportFiles = 2; $ImportFileKiB = 4
}

Import-Module (Join-Path $PSScriptRoot '../../tests/Pester/TestHelpers.psm1') -Force
$root = Get-FSRepositoryRoot
if (-not $ModulePath) { $ModulePath = Get-FSModuleManifestPath }
if (-not $OutputDirectory) { $OutputDirectory = Join-Path $root 'benchmarks/results' }
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).Path
$null = New-Item -ItemType Directory -Path $OutputDirectory -Force
$pwsh = Get-FSPowerShellPath
$coldJob = Join-Path $PSScriptRoot 'cold-job.ps1'
$hostScript = Join-Path $root 'benchmarks/baseline/boto3_host.py'
$invariant = [cultureinfo]::InvariantCulture

# The interpreter itself, not a pyenv shim (a shell script that would add its own start-up to every
# cold row), and the AWS CLI installed beside it.
$pythonExe = (& $Python -c 'import sys; print(sys.executable)').Trim()
$aws = Join-Path (Split-Path -Parent $pythonExe) 'aws'
if (-not (Test-Path -LiteralPath $aws -PathType Leaf)) {
    $aws = (Get-Command -Name aws -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

function Get-LoadAverage {
    if (Test-Path -LiteralPath '/proc/loadavg') { return ((Get-Content -LiteralPath '/proc/loadavg' -Raw).Split(' ')[0..2]) -join ', ' }
    return 'unknown (no /proc/loadavg)'
}

function Get-Machine {
    $cpu = 'unknown'; $memory = 'unknown'; $os = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
    if (Test-Path -LiteralPath '/proc/cpuinfo') {
        $cpu = ((Select-String -LiteralPath '/proc/cpuinfo' -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value)
    }
    if (Test-Path -LiteralPath '/proc/meminfo') {
        $kib = [double](Select-String -LiteralPath '/proc/meminfo' -Pattern '^MemTotal:\s+(\d+)').Matches.Groups[1].Value
        $memory = '{0:F1} GiB' -f ($kib / 1MB)
    }
    if (Test-Path -LiteralPath '/etc/os-release') {
        $os = '{0}, kernel {1}' -f (Select-String -LiteralPath '/etc/os-release' -Pattern '^PRETTY_NAME="?([^"]+)"?').Matches.Groups[1].Value, [Environment]::OSVersion.Version
    }
    $versions = (& $pythonExe -c 'import sys, boto3, botocore; print(sys.version.split()[0], boto3.__version__, botocore.__version__)').Trim().Split(' ')
    [ordered]@{
        dateUtc      = [DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $invariant)
        cpu          = $cpu
        logicalCores = [Environment]::ProcessorCount
        memory       = $memory
        os           = $os
        dotnet       = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        pwsh         = "$($PSVersionTable.PSVersion) ($pwsh)"
        python       = "$($versions[0]) ($pythonExe)"
        boto3        = "boto3 $($versions[1]), botocore $($versions[2])"
        awsCli       = ((& $aws --version 2>&1) -join ' ').Trim()
        module       = $ModulePath
        moduleBuild  = ([System.Reflection.AssemblyName]::GetAssemblyName((Join-Path (Split-Path -Parent $ModulePath) 'FinSpace.PowerShell.dll'))).Version.ToString() + ', ' +
                       (Get-BuildConfiguration)
    }
}

function Get-BuildConfiguration {
    # AssemblyConfigurationAttribute of the cmdlet assembly (Debug or Release), read without loading it.
    $stream = [System.IO.File]::OpenRead((Join-Path (Split-Path -Parent $ModulePath) 'FinSpace.PowerShell.dll'))
    try {
        $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
        $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($handle in $reader.GetAssemblyDefinition().GetCustomAttributes()) {
            $attribute = $reader.GetCustomAttribute($handle)
            if ($attribute.Constructor.Kind -ne [System.Reflection.Metadata.HandleKind]::MemberReference) { continue }
            $ctor = $reader.GetMemberReference([System.Reflection.Metadata.MemberReferenceHandle] $attribute.Constructor)
            if ($ctor.Parent.Kind -ne [System.Reflection.Metadata.HandleKind]::TypeReference) { continue }
            if ($reader.GetString($reader.GetTypeReference([System.Reflection.Metadata.TypeReferenceHandle] $ctor.Parent).Name) -eq 'AssemblyConfigurationAttribute') {
                $blob = $reader.GetBlobReader($attribute.Value)
                $null = $blob.ReadUInt16()
                return $blob.ReadSerializedString() + ' build'
            }
        }
        return 'configuration unknown'
    }
    finally { $stream.Dispose() }
}

# --- rows -----------------------------------------------------------------------------------------
$rows = [System.Collections.Generic.List[object]]::new()

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

function Add-Row {
    param(
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [string] $Section,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Unit,
        [Parameter(Mandatory)] [double[]] $Samples,
        [string] $Baseline,
        [ValidateSet('lower', 'higher')] [string] $Better = 'lower',
        [string] $Note = ''
    )
    $script:rows.Add([pscustomobject][ordered]@{
        id = $Id; section = $Section; name = $Name; unit = $Unit; better = $Better
        median = (Get-Median $Samples); min = ($Samples | Measure-Object -Minimum).Minimum; max = ($Samples | Measure-Object -Maximum).Maximum
        runs = $Samples.Count; samples = $Samples; baseline = $Baseline; ratio = $null; note = $Note
    })
}

function Measure-Seconds([scriptblock] $Work) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = & $Work
    $watch.Elapsed.TotalSeconds
}

function Invoke-Native {
    # Runs a child process to the end; returns seconds and its standard output. A failed child fails the run.
    param([string] $FilePath, [string[]] $ArgumentList)
    $PSNativeCommandUseErrorActionPreference = $false
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $output = & $FilePath @ArgumentList 2>&1
    $seconds = $watch.Elapsed.TotalSeconds
    if ($LASTEXITCODE -ne 0) { throw "$FilePath $($ArgumentList -join ' ') exited with $LASTEXITCODE`n$($output -join "`n")" }
    [pscustomobject]@{ Seconds = $seconds; Output = @($output | ForEach-Object { [string] $_ }) }
}

function Invoke-Boto3Host([string[]] $ArgumentList) {
    $result = Invoke-Native -FilePath $pythonExe -ArgumentList (@($hostScript, '--endpoint-url', $emulator.Url, '--runs', "$Runs") + $ArgumentList)
    ($result.Output | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
}

# --- the emulator, the environment ----------------------------------------------------------------
$loadBefore = Get-LoadAverage
$machine = Get-Machine
$savedEnvironment = @{}
$hermetic = @{
    AWS_ACCESS_KEY_ID = 'AKIAFINSPACEEMU00001'; AWS_SECRET_ACCESS_KEY = 'finspace-emulator-test-secret-00001'
    AWS_DEFAULT_REGION = 'us-east-1'; AWS_REGION = 'us-east-1'; AWS_EC2_METADATA_DISABLED = 'true'
    AWS_CONFIG_FILE = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'finspace-host-bench-empty')
    AWS_SHARED_CREDENTIALS_FILE = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'finspace-host-bench-empty')
    AWS_PROFILE = $null; AWS_SESSION_TOKEN = $null; AWS_ENDPOINT_URL = $null; AWS_MAX_ATTEMPTS = $null; AWS_RETRY_MODE = $null
    # The child pwsh processes send no telemetry and check for no update (network calls of their own).
    POWERSHELL_TELEMETRY_OPTOUT = '1'; POWERSHELL_UPDATECHECK = 'Off'
}
Set-Content -LiteralPath $hermetic.AWS_CONFIG_FILE -Value ''
function Set-EnvironmentValue([string] $Name, [AllowNull()] [string] $Value) {
    # [NullString]: PowerShell would pass an empty string for $null, which is not the same as unset.
    if ([string]::IsNullOrEmpty($Value)) { [Environment]::SetEnvironmentVariable($Name, [NullString]::Value) }
    else { [Environment]::SetEnvironmentVariable($Name, $Value) }
}
foreach ($name in $hermetic.Keys) {
    $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
    Set-EnvironmentValue $name $hermetic[$name]
}
$env:FINSPACE_TEST_CONFIGURATION = 'Release'   # the emulator's Release build when there is one
$scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('finspace-host-bench-' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $scratch
# Signatures are not checked (--no-auth) so that every client, the unsigned raw GET included, costs
# the emulator the same; every client still signs its requests.
$emulator = Start-FSEmulator -ArgumentList '--step-ms', '0', '--no-auth', '--moto', '--seed-datasets', "$SmallListing" -TimeoutSec 120
try {
    $s3 = Get-FSEmulatorS3Endpoint -Emulator $emulator
    $emulatorDll = Get-FSEmulatorPath
    Import-Module -Name $ModulePath -Force
    Connect-FSEnvironment -EndpointUrl $emulator.Url -Region us-east-1 -AccessKey $hermetic.AWS_ACCESS_KEY_ID -SecretKey $hermetic.AWS_SECRET_ACCESS_KEY
    $ids = @(Get-FSDataset | Select-Object -First ([math]::Max($Gets, $BulkItems)) -ExpandProperty DatasetId)
    $getIds = @($ids | Select-Object -First $Gets)
    $bulkIds = @($ids | Select-Object -First $BulkItems)
    $idsFile = Join-Path $scratch 'ids.txt'
    Set-Content -LiteralPath $idsFile -Value $getIds
    $http = [System.Net.Http.HttpClient]::new()
    $http.DefaultRequestHeaders.Add('X-Amz-Api-Version', '2020-07-13')

    # A freshly started emulator JIT-compiles its request path for thousands of requests
    # (benchmarks/results/README.md, finding 3): warm it before anything is timed.
    $warmRounds = if ($Quick) { 1 } else { 10 }
    for ($i = 0; $i -lt $warmRounds; $i++) { $null = @(Get-FSDataset) }
    foreach ($id in ($getIds * $warmRounds)) { $null = $http.GetStringAsync("$($emulator.Url)/datasetsv2/$id").GetAwaiter().GetResult() }

    # --- cold: fresh processes, one round of each per pass so load changes hit every row alike ----
    # The floor of Import-Module itself: an empty script module, imported the same way.
    $emptyModule = Join-Path $scratch 'Empty.psm1'
    Set-Content -LiteralPath $emptyModule -Value 'function Get-Nothing { }'
    $cold = @{ rawGet = @(); emptyMs = @(); emptyJit = @(); bare = @(); import = @(); job = @(); python = @(); boto3 = @(); cli = @(); importMs = @(); callMs = @(); importJit = @(); callJit = @(); delta = @() }
    $coldId = $getIds[0]
    $boto3Job = "import boto3; c = boto3.session.Session().client('finspace-data', endpoint_url='$($emulator.Url)', region_name='us-east-1'); c.get_dataset(datasetId='$coldId')"
    $sdkFile = $null
    for ($round = 0; $round -le $Runs; $round++) {
        $bare = Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-Command', '1')
        $import = Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-File', $coldJob, '-ManifestPath', $ModulePath, '-ImportOnly')
        $rawGet = Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-Command', "`$null = [System.Net.Http.HttpClient]::new().GetStringAsync('$($emulator.Url)/datasetsv2/$coldId').GetAwaiter().GetResult()")
        $empty = Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-File', $coldJob, '-ManifestPath', $emptyModule, '-ImportOnly')
        $job = Invoke-Native $pwsh @('-NoProfile', '-NonInteractive', '-File', $coldJob, '-ManifestPath', $ModulePath, '-EndpointUrl', $emulator.Url, '-DatasetId', $coldId)
        $barePython = Invoke-Native $pythonExe @('-c', 'pass')
        $boto3 = Invoke-Native $pythonExe @('-c', $boto3Job)
        $cli = Invoke-Native $aws @('finspace-data', 'get-dataset', '--dataset-id', $coldId, '--endpoint-url', $emulator.Url)
        if ($round -eq 0) { continue }   # the first pass warms the file cache; it is not counted
        $fields = ($job.Output | Where-Object { $_.StartsWith('FSRESULT ') } | Select-Object -Last 1).Split(' ')
        $importFields = ($import.Output | Where-Object { $_.StartsWith('FSRESULT ') } | Select-Object -Last 1).Split(' ')
        $emptyFields = ($empty.Output | Where-Object { $_.StartsWith('FSRESULT ') } | Select-Object -Last 1).Split(' ')
        $cold.emptyMs += [double]::Parse($emptyFields[1], $invariant); $cold.emptyJit += [double] $emptyFields[3]
        $cold.rawGet += $rawGet.Seconds; $cold.bare += $bare.Seconds; $cold.import += $import.Seconds; $cold.job += $job.Seconds
        $cold.python += $barePython.Seconds; $cold.boto3 += $boto3.Seconds; $cold.cli += $cli.Seconds
        $cold.importMs += [double]::Parse($importFields[1], $invariant); $cold.callMs += [double]::Parse($fields[2], $invariant)
        $cold.importJit += [double] $importFields[3]; $cold.callJit += [double] $fields[4]; $cold.delta += ($job.Seconds - $bare.Seconds)
        $sdkFile = $fields[5]
    }
    $section = 'Cold start (fresh process)'
    Add-Row -Id 'cold.pwsh.bare' -Section $section -Name 'bare `pwsh -Command 1`' -Unit 's' -Samples $cold.bare
    Add-Row -Id 'cold.pwsh.import' -Section $section -Name 'pwsh -File: Import-Module FinSpace' -Unit 's' -Samples $cold.import -Baseline 'cold.pwsh.bare'
    Add-Row -Id 'cold.pwsh.job' -Section $section -Name 'pwsh -File: import + one Get-FSDataset -DatasetId' -Unit 's' -Samples $cold.job -Baseline 'cold.pwsh.bare'
    Add-Row -Id 'cold.pwsh.rawGet' -Section $section -Name 'reference: `pwsh -Command` with one raw HttpClient GET (.NET''s HTTP stack, first use)' -Unit 's' -Samples $cold.rawGet -Baseline 'cold.pwsh.bare'
    Add-Row -Id 'cold.pwsh.cost' -Section $section -Name 'what the module adds to a job (job − bare pwsh, same pass)' -Unit 's' -Samples $cold.delta
    Add-Row -Id 'cold.pwsh.importInProcess' -Section $section -Name 'inside the job: Import-Module' -Unit 'ms' -Samples $cold.importMs -Baseline 'cold.pwsh.importEmpty'
    Add-Row -Id 'cold.pwsh.importEmpty' -Section $section -Name 'reference: Import-Module of an empty script module, same way' -Unit 'ms' -Samples $cold.emptyMs
    Add-Row -Id 'cold.pwsh.callInProcess' -Section $section -Name 'inside the job: the first Get-FSDataset' -Unit 'ms' -Samples $cold.callMs
    Add-Row -Id 'cold.pwsh.importJit' -Section $section -Name 'methods JIT-compiled by Import-Module' -Unit 'methods' -Samples $cold.importJit -Baseline 'cold.pwsh.importEmptyJit'
    Add-Row -Id 'cold.pwsh.importEmptyJit' -Section $section -Name 'reference: methods JIT-compiled importing the empty script module' -Unit 'methods' -Samples $cold.emptyJit
    Add-Row -Id 'cold.pwsh.callJit' -Section $section -Name 'methods JIT-compiled by the first call' -Unit 'methods' -Samples $cold.callJit -Note "AWSSDK.Core loaded from $sdkFile"
    Add-Row -Id 'cold.python.bare' -Section $section -Name 'bare `python3 -c pass`' -Unit 's' -Samples $cold.python
    Add-Row -Id 'cold.boto3.job' -Section $section -Name 'python3 -c: import boto3 + one get_dataset' -Unit 's' -Samples $cold.boto3 -Baseline 'cold.python.bare'
    Add-Row -Id 'cold.cli.job' -Section $section -Name '`aws finspace-data get-dataset`' -Unit 's' -Samples $cold.cli -Baseline 'cold.python.bare'
    Add-Row -Id 'cold.pwsh.vsBoto3' -Section $section -Name 'pwsh job, against the boto3 job' -Unit 's' -Samples $cold.job -Baseline 'cold.boto3.job'

    # --- warm listing: items/s collected, and the managed heap's peak while streaming -------------
    function Get-RawListing {
        # The emulator's pages over a raw HttpClient (unsigned), the next token cut out of the text and
        # nothing deserialized: what listing costs before any client does any work.
        $next = $null; $count = 0
        do {
            $uri = "$($emulator.Url)/datasetsv2?maxResults=100"
            if ($next) { $uri += '&nextToken=' + [uri]::EscapeDataString($next) }
            $text = $http.GetStringAsync($uri).GetAwaiter().GetResult()
            $count += ([regex]::Matches($text, '"datasetId"')).Count
            $match = [regex]::Match($text, '"nextToken"\s*:\s*"([^"]+)"')
            $next = if ($match.Success) { $match.Groups[1].Value } else { $null }
        } while ($next)
        $count
    }

    function Measure-Listing([int] $Expected, [string] $Label) {
        $section = 'Warm listing'
        $floor = @()
        for ($i = 0; $i -le $Runs; $i++) {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $count = Get-RawListing
            $elapsed = $watch.Elapsed.TotalSeconds
            if ($count -lt $Expected) { throw "The raw listing saw $count datasets, expected $Expected." }
            if ($i -gt 0) { $floor += $Expected / $elapsed }
        }
        Add-Row -Id "list.$Label.floor" -Section $section -Name "raw HttpClient pages from pwsh (unsigned, not deserialized), all $Expected" -Unit 'items/s' -Better higher -Samples $floor
        $seconds = @()
        for ($i = 0; $i -le $Runs; $i++) {
            $items = $null
            [GC]::Collect()
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $items = Get-FSDataset
            $elapsed = $watch.Elapsed.TotalSeconds
            if ($items.Count -ne $Expected) { throw "Get-FSDataset listed $($items.Count), expected $Expected." }
            if ($i -gt 0) { $seconds += $elapsed }
        }
        $items = $null
        Add-Row -Id "list.$Label.pwsh" -Section $section -Name "Get-FSDataset, all $Expected collected (`$items = Get-FSDataset)" -Unit 'items/s' -Better higher -Samples ($seconds | ForEach-Object { $Expected / $_ }) -Baseline "list.$Label.boto3"
        Add-Row -Id "list.$Label.pwshVsFloor" -Section $section -Name "Get-FSDataset, all $Expected collected, against the raw pages" -Unit 'items/s' -Better higher -Samples ($seconds | ForEach-Object { $Expected / $_ }) -Baseline "list.$Label.floor"

        # Streaming: nothing holds the items, so the heap should not grow with the count.
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $start = [GC]::GetTotalMemory($true)
        $peak = [ref] [long] 0
        $count = [ref] 0
        Get-FSDataset | ForEach-Object { if ((++$count.Value % 100) -eq 0) { $now = [GC]::GetTotalMemory($false); if ($now -gt $peak.Value) { $peak.Value = $now } } }
        Add-Row -Id "list.$Label.pwshHeap" -Section $section -Name "Get-FSDataset | ForEach-Object {…}, $Expected streamed: peak managed heap growth" -Unit 'MB' -Samples @([math]::Max(0, ($peak.Value - $start) / 1MB)) -Baseline $(if ($Label -eq 'large') { 'list.small.pwshHeap' } else { '' }) -Note 'sampled every 100 items; one run'

        $boto = Invoke-Boto3Host @('list', '--expected', "$Expected")
        Add-Row -Id "list.$Label.boto3" -Section $section -Name "boto3 paginator, all $Expected (one process)" -Unit 'items/s' -Better higher -Samples ($boto.seconds | ForEach-Object { $Expected / $_ })
        Add-Row -Id "list.$Label.boto3Rss" -Section $section -Name "boto3 paginator, $Expected`: growth of peak RSS" -Unit 'MB' -Samples @($boto.peakRssGrowthKiB / 1024) -Note 'ru_maxrss over the first timed round'
    }
    Measure-Listing -Expected $SmallListing -Label 'small'
    $cliList = @()
    for ($i = 0; $i -lt $Runs; $i++) { $cliList += (Invoke-Native $aws @('finspace-data', 'list-datasets', '--endpoint-url', $emulator.Url, '--query', 'length(datasets)')).Seconds }
    Add-Row -Id 'list.small.cli' -Section 'Warm listing' -Name "``aws finspace-data list-datasets``, all $SmallListing (process included)" -Unit 'items/s' -Better higher -Samples ($cliList | ForEach-Object { $SmallListing / $_ }) -Baseline 'list.small.boto3'
    $null = Add-FSEmulatorSeed -Emulator $emulator -Datasets ($LargeListing - $SmallListing)
    for ($i = 0; $i -lt [math]::Min(2, $warmRounds); $i++) { $null = @(Get-FSDataset) }
    Measure-Listing -Expected $LargeListing -Label 'large'

    # --- warm get by id: piped, looped, boto3, and the raw GET floor --------------------------------
    $section = 'Warm get by id (per item)'
    $floor = @(); $piped = @(); $looped = @()
    for ($i = 0; $i -le $Runs; $i++) {
        $f = Measure-Seconds { foreach ($id in $getIds) { $null = $http.GetStringAsync("$($emulator.Url)/datasetsv2/$id").GetAwaiter().GetResult() } }
        $p = Measure-Seconds { $getIds | Get-FSDataset }
        $l = Measure-Seconds { foreach ($id in $getIds) { $null = Get-FSDataset -DatasetId $id } }
        if ($i -gt 0) { $floor += $f * 1000 / $getIds.Count; $piped += $p * 1000 / $getIds.Count; $looped += $l * 1000 / $getIds.Count }
    }
    Add-Row -Id 'get.floor' -Section $section -Name "raw HttpClient GET from pwsh (unsigned), $($getIds.Count) ids in a foreach loop" -Unit 'ms' -Samples $floor
    Add-Row -Id 'get.piped' -Section $section -Name '$ids | Get-FSDataset' -Unit 'ms' -Samples $piped -Baseline 'get.floor'
    Add-Row -Id 'get.looped' -Section $section -Name 'foreach ($id in $ids) { Get-FSDataset -DatasetId $id }' -Unit 'ms' -Samples $looped -Baseline 'get.floor'
    $boto = Invoke-Boto3Host @('get', '--ids-file', $idsFile)
    Add-Row -Id 'get.boto3' -Section $section -Name 'boto3 get_dataset in a for loop' -Unit 'ms' -Samples ($boto.seconds | ForEach-Object { $_ * 1000 / $boto.items }) -Baseline 'get.floor'
    Add-Row -Id 'get.pipedVsBoto3' -Section $section -Name '$ids | Get-FSDataset, against boto3' -Unit 'ms' -Samples $piped -Baseline 'get.boto3'

    # --- bulk: -ThrottleLimit under a remote-like latency --------------------------------------------
    $section = "Bulk get by id, $BulkLatencyMs ms added per request"
    $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ latencyMs = $BulkLatencyMs }
    foreach ($limit in $ThrottleLimit) {
        $samples = @()
        for ($i = 0; $i -le $Runs; $i++) {
            $s = Measure-Seconds { $found = @($bulkIds | Get-FSDataset -ThrottleLimit $limit); if ($found.Count -ne $bulkIds.Count) { throw "-ThrottleLimit $limit found $($found.Count)" } }
            if ($i -gt 0) { $samples += $bulkIds.Count / $s }
        }
        Add-Row -Id "bulk.t$limit" -Section $section -Name "$($bulkIds.Count) ids | Get-FSDataset -ThrottleLimit $limit" -Unit 'items/s' -Better higher -Samples $samples -Baseline $(if ($limit -ne $ThrottleLimit[0]) { "bulk.t$($ThrottleLimit[0])" } else { 'bulk.boto3' })
    }
    Set-Content -LiteralPath $idsFile -Value $bulkIds
    $boto = Invoke-Boto3Host @('get', '--ids-file', $idsFile)
    Add-Row -Id 'bulk.boto3' -Section $section -Name "boto3 get_dataset loop, $($bulkIds.Count) ids" -Unit 'items/s' -Better higher -Samples ($boto.seconds | ForEach-Object { $boto.items / $_ })
    $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ latencyMs = 0 }

    # --- import of local files ------------------------------------------------------------------------
    $section = "Import of local files ($ImportFiles × $ImportFileKiB KiB CSV into moto's S3)"
    $files = Join-Path $scratch 'files'
    $null = New-Item -ItemType Directory -Path $files
    $line = [System.Text.Encoding]::ASCII.GetBytes("TICKER,123.45,1000000`n")
    for ($n = 0; $n -lt $ImportFiles; $n++) {
        $stream = [System.IO.File]::Create((Join-Path $files "part-$n.csv"))
        try {
            $header = [System.Text.Encoding]::ASCII.GetBytes("ticker,price,volume`n"); $stream.Write($header, 0, $header.Length)
            for ($written = 0; $written -lt $ImportFileKiB * 1KB; $written += $line.Length) { $stream.Write($line, 0, $line.Length) }
        }
        finally { $stream.Dispose() }
    }
    $dataset = New-FSDataset -Title 'host benchmark' -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE'; volume = 'BIGINT' })
    $imports = @(); $copies = @()
    for ($i = 0; $i -le $Runs; $i++) {
        $s = Measure-Seconds { $null = Import-FSChangeset -DatasetId $dataset.DatasetId -Path (Join-Path $files '*.csv') -S3EndpointUrl $s3 }
        $c = (Invoke-Native $aws @('s3', 'cp', $files, "s3://finspace-emulator-working/bench-cli/$i/", '--recursive', '--quiet', '--endpoint-url', $s3)).Seconds
        if ($i -gt 0) { $imports += $s; $copies += $c }
    }
    Add-Row -Id 'import.pwsh' -Section $section -Name 'Import-FSChangeset -Path *.csv (upload + CreateChangeset)' -Unit 's' -Samples $imports -Baseline 'import.cli'
    Add-Row -Id 'import.cli' -Section $section -Name '`aws s3 cp --recursive` (process included)' -Unit 's' -Samples $copies
    $boto = Invoke-Boto3Host @('upload', '--dir', $files, '--bucket', 'finspace-emulator-working', '--prefix', 'bench-boto3/', '--s3-endpoint', $s3)
    Add-Row -Id 'import.boto3' -Section $section -Name 'boto3 upload_file per file (one process)' -Unit 's' -Samples $boto.seconds
    Add-Row -Id 'import.pwshVsBoto3' -Section $section -Name 'Import-FSChangeset, against boto3 upload_file' -Unit 's' -Samples $imports -Baseline 'import.boto3'
    $http.Dispose()
}
finally {
    Stop-FSEmulator -Emulator $emulator
    foreach ($name in $savedEnvironment.Keys) { Set-EnvironmentValue $name $savedEnvironment[$name] }
    Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $hermetic.AWS_CONFIG_FILE -Force -ErrorAction SilentlyContinue
}
$loadAfter = Get-LoadAverage

# --- ratios and goals -----------------------------------------------------------------------------
$byId = @{}
foreach ($row in $rows) { $byId[$row.id] = $row }
foreach ($row in $rows) {
    if ($row.baseline -and $byId.ContainsKey($row.baseline) -and $byId[$row.baseline].median -gt 0) {
        $row.ratio = [math]::Round($row.median / $byId[$row.baseline].median, 2)
    }
    elseif (-not $row.baseline) { $row.baseline = $null }
}

function New-Goal([string] $Goal, [string] $Measured, [bool] $Met) { [pscustomobject][ordered]@{ goal = $Goal; measured = $Measured; met = $Met } }
$goals = @(
    New-Goal 'a job that imports and makes one call costs ≤ 0.25 s more than bare pwsh' ('{0:F3} s' -f $byId['cold.pwsh.cost'].median) ($byId['cold.pwsh.cost'].median -le 0.25)
    New-Goal 'Import-Module ≤ 100 ms' ('{0:F0} ms in process; {1:F3} s over bare pwsh as a process' -f $byId['cold.pwsh.importInProcess'].median, ($byId['cold.pwsh.import'].median - $byId['cold.pwsh.bare'].median)) ($byId['cold.pwsh.importInProcess'].median -le 100)
    New-Goal 'listing ≥ 3× boto3''s items/s' ('{0}× ({1}); {2}× ({3})' -f $byId['list.small.pwsh'].ratio, $SmallListing, $byId['list.large.pwsh'].ratio, $LargeListing) (($byId['list.small.pwsh'].ratio -ge 3) -and ($byId['list.large.pwsh'].ratio -ge 3))
    New-Goal "streaming memory flat from $SmallListing to $LargeListing (peak heap growth ≤ 1.5×)" ('{0:F1} MB → {1:F1} MB ({2}×)' -f $byId['list.small.pwshHeap'].median, $byId['list.large.pwshHeap'].median, $byId['list.large.pwshHeap'].ratio) ($byId['list.large.pwshHeap'].ratio -le 1.5)
    New-Goal 'a piped get ≤ 2× the raw HttpClient floor per item' ('{0:F3} ms against {1:F3} ms ({2}×)' -f $byId['get.piped'].median, $byId['get.floor'].median, $byId['get.piped'].ratio) ($byId['get.piped'].ratio -le 2)
)

$result = [ordered]@{
    command = 'dotnet pwsh -NoProfile -NonInteractive -File benchmarks/host/Measure-Host.ps1' + $(if ($Quick) { ' -Quick' } else { '' })
    quick = [bool] $Quick
    machine = $machine
    loadAverageBefore = $loadBefore
    loadAverageAfter = $loadAfter
    emulator = "$emulatorDll --step-ms 0 --no-auth --moto, seeded with $SmallListing then $LargeListing datasets"
    settings = [ordered]@{ runs = $Runs; smallListing = $SmallListing; largeListing = $LargeListing; gets = $Gets; bulkItems = $BulkItems; throttleLimits = $ThrottleLimit; bulkLatencyMs = $BulkLatencyMs; importFiles = $ImportFiles; importFileKiB = $ImportFileKiB }
    rows = $rows
    goals = $goals
}
$jsonPath = Join-Path $OutputDirectory 'host.json'
$result | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $jsonPath -Encoding utf8

function Format-Number([double] $Value, [string] $Unit) {
    $format = switch ($Unit) { 's' { 'N3' } 'ms' { 'N3' } 'MB' { 'N1' } default { 'N0' } }
    $Value.ToString($format, $invariant)
}

$md = [System.Text.StringBuilder]::new()
$null = $md.AppendLine("# The real host, side by side ($($machine.dateUtc) UTC)").AppendLine()
$null = $md.AppendLine("Written by ``$($result.command)``$(if ($Quick) { ' (smallest mode: the numbers mean nothing)' }). Medians of $Runs runs; spread = min–max; ratio = median ÷ the baseline's median (for items/s higher is better, for times lower is better).").AppendLine()
$null = $md.AppendLine('| machine | |').AppendLine('| --- | --- |')
foreach ($key in $machine.Keys) { $null = $md.AppendLine("| $key | $($machine[$key]) |") }
$null = $md.AppendLine("| load average (1, 5, 15 min) before | $loadBefore |").AppendLine("| load average after | $loadAfter |")
$null = $md.AppendLine("| emulator | $($result.emulator) |").AppendLine()
function ConvertTo-Cell([string] $Text) { $Text.Replace('|', '\|') }
foreach ($section in @($rows | ForEach-Object section | Select-Object -Unique)) {
    $null = $md.AppendLine("## $section").AppendLine()
    $null = $md.AppendLine('| measure | median | spread | unit | baseline | ratio |').AppendLine('| --- | ---: | ---: | --- | --- | ---: |')
    foreach ($row in @($rows | Where-Object section -EQ $section)) {
        $baseline = if ($row.baseline) { ConvertTo-Cell $byId[$row.baseline].name } else { '' }
        $ratio = if ($null -ne $row.ratio) { '{0}×' -f $row.ratio.ToString('0.00', $invariant) } else { '' }
        $name = ConvertTo-Cell $(if ($row.note) { "$($row.name) ($($row.note))" } else { $row.name })
        $null = $md.AppendLine("| $name | $(Format-Number $row.median $row.unit) | $(Format-Number $row.min $row.unit)–$(Format-Number $row.max $row.unit) | $($row.unit) | $baseline | $ratio |")
    }
    $null = $md.AppendLine()
}
$null = $md.AppendLine('## Goals (issue 11)').AppendLine().AppendLine('| goal | measured | met |').AppendLine('| --- | --- | --- |')
foreach ($goal in $goals) { $null = $md.AppendLine("| $(ConvertTo-Cell $goal.goal) | $(ConvertTo-Cell $goal.measured) | $(if ($goal.met) { 'yes' } else { '**no**' }) |") }
$mdPath = Join-Path $OutputDirectory 'host.md'
Set-Content -LiteralPath $mdPath -Value $md.ToString() -Encoding utf8
Write-Host "Wrote $mdPath and $jsonPath"
