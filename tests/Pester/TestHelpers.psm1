<#
    Shared plumbing for the Pester suite: where the built module and emulator are, starting and
    stopping an emulator per test file, its admin API (request counters, seed, reset), and small
    helpers for names, verbose records, completion and child PowerShell processes.

    Nothing here builds anything: a missing module or emulator fails at once with the command that
    builds them.
#>

$script:EmulatorAccessKey = 'AKIAFINSPACEEMU00001'
$script:EmulatorSecretKey = 'finspace-emulator-test-secret-00001'
$script:EmulatorRegion = 'us-east-1'
$script:BuildHint = "Run 'dotnet build FinSpace.PowerShell.sln' in the repository root first; the Pester suite never builds anything itself."

# Process ids of the emulators this process started, so Invoke-FSPester.ps1 can stop any that a
# failed AfterAll left behind. An environment variable, because each test file imports this module
# afresh and module state does not survive that.
$script:EmulatorPidVariable = 'FINSPACE_TEST_EMULATOR_PIDS'

function Get-FSRepositoryRoot {
    <# The folder holding FinSpace.PowerShell.sln, found by walking up from this file. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $directory = $PSScriptRoot
    while ($directory) {
        if (Test-Path -LiteralPath (Join-Path $directory 'FinSpace.PowerShell.sln') -PathType Leaf) {
            return $directory
        }

        $parent = Split-Path -Path $directory -Parent
        if ($parent -eq $directory) {
            break
        }

        $directory = $parent
    }

    throw "Cannot find the repository root (the folder with FinSpace.PowerShell.sln) above $PSScriptRoot."
}

function Get-FSTestConfiguration {
    <# Debug or Release: what Invoke-FSPester.ps1 -Configuration set, Debug otherwise. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:FINSPACE_TEST_CONFIGURATION) {
        return $env:FINSPACE_TEST_CONFIGURATION
    }

    return 'Debug'
}

function Get-FSModuleManifestPath {
    <# out/FinSpace/FinSpace.psd1, which every dotnet build lays out; throws with the build command when missing. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $manifest = Join-Path (Get-FSRepositoryRoot) 'out/FinSpace/FinSpace.psd1'
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) {
        throw "The FinSpace module is not built: $manifest does not exist. $script:BuildHint"
    }

    return $manifest
}

function Get-FSEmulatorPath {
    <#
        The emulator's FinSpace.Emulator.dll: $env:FINSPACE_EMULATOR_DLL when set, else the build of
        the test configuration, else the other configuration's build. Throws with the build command
        when none exists.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:FINSPACE_EMULATOR_DLL) {
        if (Test-Path -LiteralPath $env:FINSPACE_EMULATOR_DLL -PathType Leaf) {
            return $env:FINSPACE_EMULATOR_DLL
        }

        throw "FINSPACE_EMULATOR_DLL is set to $env:FINSPACE_EMULATOR_DLL, which does not exist. Unset it or $script:BuildHint"
    }

    $root = Get-FSRepositoryRoot
    $configuration = Get-FSTestConfiguration
    $configurations = @($configuration) + @(@('Debug', 'Release') | Where-Object { $_ -ne $configuration })
    foreach ($candidate in $configurations) {
        $dll = Join-Path $root "src/FinSpace.Emulator/bin/$candidate/net10.0/FinSpace.Emulator.dll"
        if (Test-Path -LiteralPath $dll -PathType Leaf) {
            return $dll
        }
    }

    $expected = Join-Path $root "src/FinSpace.Emulator/bin/$configuration/net10.0/FinSpace.Emulator.dll"
    throw "The FinSpace emulator is not built: $expected does not exist. $script:BuildHint"
}

function Get-FSDotnetPath {
    <# The dotnet host that runs the emulator. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH -PathType Leaf)) {
        return $env:DOTNET_HOST_PATH
    }

    $command = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw 'dotnet is not on PATH: the emulator runs on the .NET SDK that builds this repository (see global.json).'
    }

    return $command.Source
}

function Get-FSPowerShellPath {
    <# The pwsh executable running this suite, for the tests that need a fresh process. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $name = 'pwsh'
    if ($IsWindows) {
        $name = 'pwsh.exe'
    }

    $candidate = Join-Path $PSHOME $name
    if (Test-Path -LiteralPath $candidate -PathType Leaf) {
        return $candidate
    }

    $command = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw "Cannot find pwsh in $PSHOME or on PATH."
    }

    return $command.Source
}

function Import-FSModule {
    <# Imports the built module into the global scope (so the test files see its cmdlets) and returns it. #>
    [CmdletBinding()]
    param()

    $manifest = Get-FSModuleManifestPath
    Import-Module -Name $manifest -Force -Global -PassThru -ErrorAction Stop
}

function Get-FSEmulatorCredential {
    <# The emulator's default test key pair and the region the suite signs for. #>
    [CmdletBinding()]
    param()

    [pscustomobject]@{
        AccessKey = $script:EmulatorAccessKey
        SecretKey = $script:EmulatorSecretKey
        Region    = $script:EmulatorRegion
    }
}

function ConvertTo-FSCommandLineArgument {
    <# Quotes one argument for ProcessStartInfo.Arguments (the rules .NET parses on every platform). #>
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Value)

    if ($Value.Length -gt 0 -and $Value -notmatch '[\s"]') {
        return $Value
    }

    return '"' + ($Value -replace '"', '\"') + '"'
}

function Read-FSSharedFile {
    <# The text of a file another process is still writing, or '' when it does not exist yet. #>
    param([Parameter(Mandatory)] [string] $Path)

    try {
        $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]'ReadWrite, Delete')
    }
    catch {
        return ''
    }

    try {
        $reader = [System.IO.StreamReader]::new($stream)
        return $reader.ReadToEnd()
    }
    finally {
        $stream.Dispose()
    }
}

function Add-FSEmulatorProcessId {
    param([Parameter(Mandatory)] [int] $ProcessId)

    $ids = @(Get-FSEmulatorProcessId) + @($ProcessId)
    [Environment]::SetEnvironmentVariable($script:EmulatorPidVariable, ($ids -join ';'))
}

function Remove-FSEmulatorProcessId {
    param([Parameter(Mandatory)] [int] $ProcessId)

    $ids = @(Get-FSEmulatorProcessId | Where-Object { $_ -ne $ProcessId })
    [Environment]::SetEnvironmentVariable($script:EmulatorPidVariable, ($ids -join ';'))
}

function Get-FSEmulatorProcessId {
    <# The ids of the emulators started by this process and not yet stopped. #>
    [CmdletBinding()]
    [OutputType([int])]
    param()

    $text = [Environment]::GetEnvironmentVariable($script:EmulatorPidVariable)
    if (-not $text) {
        return
    }

    foreach ($part in $text.Split(';')) {
        if ($part) {
            [int] $part
        }
    }
}

function Stop-FSProcess {
    <#
        Kills one process this suite started (by its Process object) with every process it started,
        and waits for it to exit. An emulator started with --moto runs moto_server as its child; killing
        the emulator alone left that moto_server running after the suite.
    #>
    param([AllowNull()] [System.Diagnostics.Process] $Process)

    if ($null -eq $Process) {
        return
    }

    try {
        if (-not $Process.HasExited) {
            $Process.Kill($true)
            $null = $Process.WaitForExit(10000)
        }
    }
    catch [System.InvalidOperationException] {
        # It exited between the check and the kill.
    }
}

function Start-FSEmulator {
    <#
        Starts the emulator on a free loopback port as a background process with its output in temp
        files, waits (bounded) for its "listening on" line, and returns Url, Process and the log paths.
        Pass extra emulator options with -ArgumentList, e.g. '--step-ms', '20'.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),

        [ValidateRange(1, 300)]
        [int] $TimeoutSec = 30
    )

    $dll = Get-FSEmulatorPath
    $dotnet = Get-FSDotnetPath
    $id = [guid]::NewGuid().ToString('N')
    $temp = [System.IO.Path]::GetTempPath()
    $standardOutput = Join-Path $temp "finspace-emulator-$id.out.log"
    $standardError = Join-Path $temp "finspace-emulator-$id.err.log"

    # Start-Process joins -ArgumentList with spaces, so each argument is quoted here (paths may hold spaces).
    $arguments = @($dll, '--port', '0') + $ArgumentList
    $commandLine = (@($arguments | ForEach-Object { ConvertTo-FSCommandLineArgument -Value $_ })) -join ' '
    $process = Start-Process -FilePath $dotnet -ArgumentList $commandLine -RedirectStandardOutput $standardOutput `
        -RedirectStandardError $standardError -NoNewWindow -PassThru -ErrorAction Stop
    Add-FSEmulatorProcessId -ProcessId $process.Id

    $url = $null
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $match = [regex]::Match((Read-FSSharedFile -Path $standardOutput), 'listening on (http://\S+)')
        if ($match.Success) {
            $url = $match.Groups[1].Value.TrimEnd('/')
            break
        }

        if ($process.HasExited) {
            break
        }

        Start-Sleep -Milliseconds 50
    }

    if (-not $url) {
        $why = "it printed no 'listening on' line within $TimeoutSec s"
        if ($process.HasExited) {
            $why = "it exited with code $($process.ExitCode)"
        }

        $output = Read-FSSharedFile -Path $standardOutput
        $errors = Read-FSSharedFile -Path $standardError
        Stop-FSProcess -Process $process
        Remove-FSEmulatorProcessId -ProcessId $process.Id
        Remove-Item -LiteralPath $standardOutput, $standardError -Force -ErrorAction SilentlyContinue
        throw "The FinSpace emulator ($dll) did not start: $why.`nstdout: $output`nstderr: $errors"
    }

    [pscustomobject]@{
        Url                = $url
        Process            = $process
        StandardOutputPath = $standardOutput
        StandardErrorPath  = $standardError
    }
}

function Stop-FSEmulator {
    <# Stops an emulator from Start-FSEmulator and deletes its log files; does nothing for $null. #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)]
        [AllowNull()]
        [object] $Emulator
    )

    process {
        if ($null -eq $Emulator -or $Emulator.Process -isnot [System.Diagnostics.Process]) {
            return
        }

        Stop-FSProcess -Process $Emulator.Process
        Remove-FSEmulatorProcessId -ProcessId $Emulator.Process.Id
        Remove-Item -LiteralPath $Emulator.StandardOutputPath, $Emulator.StandardErrorPath -Force -ErrorAction SilentlyContinue
    }
}

function Write-FSFigure {
    <#
        Writes a measured figure (counts, rates, ratios) as one line marked "[figure]". A test reports
        figures and asserts on behaviour, never on a time; .ci/run prints every marked line of the run.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [string] $Text
    )

    foreach ($line in ($Text -split "\r?\n")) {
        if ($line.Trim()) {
            Write-Host "    [figure] $($line.Trim())"
        }
    }
}

function Connect-FSTestEmulator {
    <#
        What a suite's BeforeAll does first: starts an emulator (Start-FSEmulator's -ArgumentList and
        -TimeoutSec), makes it the session default with the suite's key pair, and sets in the caller's
        scope the preferences every suite runs under: whatever the session's, only ConfirmImpact High
        may ask, and nothing is a dry run unless a test says -WhatIf (the tests pass -Force or
        -Confirm:$false where a prompt could come). Returns the emulator for Disconnect-FSTestEmulator.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @('--step-ms', '20'),

        [ValidateRange(1, 300)]
        [int] $TimeoutSec = 30
    )

    $PSCmdlet.SessionState.PSVariable.Set('ConfirmPreference', [System.Management.Automation.ConfirmImpact]::High)
    $PSCmdlet.SessionState.PSVariable.Set('WhatIfPreference', $false)
    $emulator = Start-FSEmulator -ArgumentList $ArgumentList -TimeoutSec $TimeoutSec
    $credential = Get-FSEmulatorCredential
    Connect-FSEnvironment -EndpointUrl $emulator.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
    $emulator
}

function Disconnect-FSTestEmulator {
    <# What a suite's AfterAll does last: ends the session default (if the module is still loaded) and stops the emulator. #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [object] $Emulator
    )

    if (Get-Command -Name Disconnect-FSEnvironment -ErrorAction SilentlyContinue) {
        Disconnect-FSEnvironment
    }

    Stop-FSEmulator -Emulator $Emulator
}

function Invoke-FSEmulatorAdmin {
    <# One call to the emulator's admin API under /_emulator/ (never signed, counted or faulted). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object] $Emulator,
        [Parameter(Mandatory)] [ValidateSet('GET', 'POST', 'PUT', 'DELETE')] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [System.Collections.IDictionary] $Body
    )

    $ProgressPreference = 'SilentlyContinue'
    $request = @{
        Uri         = '{0}/_emulator/{1}' -f $Emulator.Url, $Path
        Method      = $Method
        NoProxy     = $true
        ErrorAction = 'Stop'
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = ConvertTo-Json -InputObject $Body -Depth 5 -Compress
        $request.ContentType = 'application/json'
    }

    Invoke-RestMethod @request
}

function Get-FSEmulatorCounter {
    <# API requests the emulator received since start or the last reset: all of them, or one operation's. #>
    [CmdletBinding()]
    [OutputType([long])]
    param(
        [Parameter(Mandatory)] [object] $Emulator,
        [string] $Operation
    )

    $counters = Invoke-FSEmulatorAdmin -Emulator $Emulator -Method GET -Path 'counters'
    if (-not $Operation) {
        return [long] $counters.total
    }

    $property = $counters.operations.PSObject.Properties[$Operation]
    if ($null -eq $property) {
        return [long] 0
    }

    return [long] $property.Value
}

function Get-FSEmulatorS3Endpoint {
    <#
        The S3 endpoint of an emulator started with --moto (or --s3-endpoint), from /_emulator/config.
        Throws, saying why, when the emulator has no real storage.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [object] $Emulator)

    $config = Invoke-FSEmulatorAdmin -Emulator $Emulator -Method GET -Path 'config'
    $endpoint = $config.workingLocation.s3Endpoint
    if (-not $endpoint -or $config.workingLocation.storage -ne 's3') {
        throw "The emulator at $($Emulator.Url) has no S3 storage: start it with -ArgumentList '--moto' (moto_server must be on PATH: pip install 'moto[server]')."
    }

    return ([string] $endpoint).TrimEnd('/')
}

function Reset-FSEmulatorCounter {
    <# Sets every request counter back to zero. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object] $Emulator)

    $null = Invoke-FSEmulatorAdmin -Emulator $Emulator -Method DELETE -Path 'counters'
}

function Get-FSEmulatorState {
    <# How many datasets, changesets, dataViews, permissionGroups, users and memberships the emulator holds. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object] $Emulator)

    Invoke-FSEmulatorAdmin -Emulator $Emulator -Method GET -Path 'state'
}

function Add-FSEmulatorSeed {
    <# Adds settled synthetic resources in one batch (no API request is counted). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object] $Emulator,
        [int] $Datasets = 0,
        [int] $Users = 0,
        [int] $PermissionGroups = 0,
        [int] $MembershipsPerUser = 0,
        [int] $ChangesetsPerDataset = 0
    )

    $body = @{
        datasets             = $Datasets
        users                = $Users
        permissionGroups     = $PermissionGroups
        membershipsPerUser   = $MembershipsPerUser
        changesetsPerDataset = $ChangesetsPerDataset
    }
    Invoke-FSEmulatorAdmin -Emulator $Emulator -Method POST -Path 'seed' -Body $body
}

function Reset-FSEmulator {
    <# Removes every resource, temporary credential and idempotency record; zeroes counters; clears faults. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [object] $Emulator)

    $null = Invoke-FSEmulatorAdmin -Emulator $Emulator -Method POST -Path 'reset'
}

function New-FSTestName {
    <# A name unique to this run, e.g. Equities-3f2a9c1b7d4e. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Prefix)

    return '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 12)
}

function New-FSTestEmail {
    <# An e-mail address unique to this run. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    return 'fs-{0}@example.com' -f [guid]::NewGuid().ToString('N')
}

function New-FSMissingId {
    <# An id no emulator holds (within every id length limit of the model). #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    return 'missing' + [guid]::NewGuid().ToString('N').Substring(0, 12)
}

function Get-FSVerboseMessage {
    <# The messages of the VerboseRecords among a command's output captured with 4>&1. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowNull()] [object[]] $InputObject)

    foreach ($record in $InputObject) {
        if ($record -is [System.Management.Automation.VerboseRecord]) {
            $record.Message
        }
    }
}

function Get-FSVerboseRequestLine {
    <# The "FinSpace <Operation>: HTTP <status> ..." lines (one per request) among captured verbose output. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowNull()] [object[]] $InputObject)

    foreach ($message in Get-FSVerboseMessage -InputObject $InputObject) {
        if ($message -match '^FinSpace [A-Za-z]+: HTTP ') {
            $message
        }
    }
}

function Get-FSCompletionText {
    <# The CompletionText of every match TabExpansion2 offers with the cursor at the end of the line. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $InputScript)

    $completion = TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length
    foreach ($match in $completion.CompletionMatches) {
        $match.CompletionText
    }
}

function ConvertTo-FSPlainText {
    <# Formatted text without ANSI styling (PowerShell 7.2+ may colour table headers and list labels). #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)

    return $Text -replace '\x1b\[[0-9;]*[A-Za-z]', ''
}

function Get-FSTableHeader {
    <# The column labels of formatted table text (the first non-blank line), single-spaced, without ANSI styling. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)

    $plain = ConvertTo-FSPlainText -Text $Text
    foreach ($line in $plain -split '\r?\n') {
        if ($line.Trim()) {
            return (@($line -split '\s+' | Where-Object { $_ })) -join ' '
        }
    }

    return ''
}

function Test-FSSameSet {
    <# True when both lists hold the same ids (ordinal comparison: ids are case-sensitive). #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyCollection()] [string[]] $Expected,
        [AllowEmptyCollection()] [string[]] $Actual
    )

    $expectedSet = [System.Collections.Generic.HashSet[string]]::new([string[]] @($Expected), [System.StringComparer]::Ordinal)
    $actualSet = [System.Collections.Generic.HashSet[string]]::new([string[]] @($Actual), [System.StringComparer]::Ordinal)
    return @($Actual).Count -eq $actualSet.Count -and $expectedSet.SetEquals($actualSet)
}

function ConvertFrom-FSSecureString {
    <# The text inside a SecureString, so a test can prove it appears nowhere else. #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [System.Security.SecureString] $SecureString)

    return [System.Net.NetworkCredential]::new('', $SecureString).Password
}

function Invoke-FSChildPowerShell {
    <#
        Runs a script in a fresh pwsh (no profile, non-interactive) and returns the object it printed
        as a line 'FSRESULT <json>'. For what only a new process can show: import cost, a clean
        environment.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ScriptText,
        [string[]] $ArgumentList = @()
    )

    $pwsh = Get-FSPowerShellPath
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ('finspace-child-{0}.ps1' -f [guid]::NewGuid().ToString('N'))
    Set-Content -LiteralPath $file -Value $ScriptText -Encoding utf8
    try {
        # The exit code is checked below; never let a preference turn it into an exception here.
        $PSNativeCommandUseErrorActionPreference = $false
        $arguments = @('-NoProfile', '-NonInteractive')
        if ($IsWindows) {
            $arguments += @('-ExecutionPolicy', 'Bypass')
        }

        $arguments += @('-File', $file) + $ArgumentList
        $output = @(& $pwsh @arguments)
        $exitCode = $LASTEXITCODE
    }
    finally {
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }

    $resultLine = $null
    foreach ($line in $output) {
        $text = [string] $line
        if ($text.StartsWith('FSRESULT ')) {
            $resultLine = $text
        }
    }

    if ($null -eq $resultLine) {
        throw "The child pwsh (exit code $exitCode) printed no FSRESULT line:`n$($output -join [Environment]::NewLine)"
    }

    return ConvertFrom-Json -InputObject $resultLine.Substring('FSRESULT '.Length)
}

function Get-FSPackage {
    <#
        The packages of the README's package command (dotnet build src/FinSpace.PowerShell -t:Package):
        Zip (out/artifacts/FinSpace.zip), Nupkg and Version. Built once per Pester run, by the first
        test file that asks (Packages, Runbooks): a Release build takes a minute or more, and CI runs
        every file. The mark is an environment variable because each file imports this module afresh;
        Invoke-FSPester.ps1 clears it when the run ends, so the next run builds again.
    #>
    [CmdletBinding()]
    param()

    $root = Get-FSRepositoryRoot
    $artifacts = Join-Path $root 'out/artifacts'
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $root 'FinSpace.psd1')).ModuleVersion
    $zip = Join-Path $artifacts 'FinSpace.zip'
    if ($env:FINSPACE_TEST_PACKAGE_BUILT -ne $zip -or -not (Test-Path -LiteralPath $zip -PathType Leaf)) {
        $dotnet = Get-FSDotnetPath
        # Restore was done by the build that runs this suite.
        $build = & $dotnet build (Join-Path $root 'src/FinSpace.PowerShell/FinSpace.PowerShell.csproj') -t:Package --no-restore --nologo 2>&1 | Out-String
        if ($LASTEXITCODE -ne 0) {
            throw "The package build failed (exit code $LASTEXITCODE):`n$build"
        }

        $env:FINSPACE_TEST_PACKAGE_BUILT = $zip
    }

    [pscustomobject]@{
        Zip       = $zip
        Nupkg     = Join-Path $artifacts "FinSpace.$version.nupkg"
        Artifacts = $artifacts
        Version   = $version
    }
}

function Get-FSForeignSdkPath {
    <#
        Another module's AWSSDK.Core build (netstandard2.0), restored by tests/FinSpace.Pester.Tests
        into out/tools/foreign/AWSSDK.Core/<version>; throws with the build command when missing.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Version)

    $path = Join-Path (Get-FSRepositoryRoot) "out/tools/foreign/AWSSDK.Core/$Version/AWSSDK.Core.dll"
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        throw "AWSSDK.Core $Version is not laid out at $path. Run 'dotnet build tests/FinSpace.Pester.Tests' (dotnet test does it)."
    }

    return $path
}

Export-ModuleMember -Function @(
    'Get-FSRepositoryRoot'
    'Get-FSTestConfiguration'
    'Get-FSModuleManifestPath'
    'Get-FSEmulatorPath'
    'Get-FSDotnetPath'
    'Get-FSPowerShellPath'
    'Import-FSModule'
    'Get-FSEmulatorCredential'
    'Start-FSEmulator'
    'Stop-FSEmulator'
    'Write-FSFigure'
    'Connect-FSTestEmulator'
    'Disconnect-FSTestEmulator'
    'Get-FSEmulatorProcessId'
    'Invoke-FSEmulatorAdmin'
    'Get-FSEmulatorCounter'
    'Reset-FSEmulatorCounter'
    'Get-FSEmulatorS3Endpoint'
    'Get-FSEmulatorState'
    'Add-FSEmulatorSeed'
    'Reset-FSEmulator'
    'New-FSTestName'
    'New-FSTestEmail'
    'New-FSMissingId'
    'Get-FSVerboseMessage'
    'Get-FSVerboseRequestLine'
    'Get-FSCompletionText'
    'ConvertTo-FSPlainText'
    'Get-FSTableHeader'
    'Test-FSSameSet'
    'ConvertFrom-FSSecureString'
    'Invoke-FSChildPowerShell'
    'Get-FSForeignSdkPath'
    'Get-FSPackage'
)
