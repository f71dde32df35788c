# The runbooks in samples/runbooks, run the way their hosts run them, as far as this machine allows:
# each in a fresh `pwsh -NoProfile -NonInteractive` whose environment holds only what the host would
# give it (no AWS_* of this machine, no instance metadata), HOME, USERPROFILE and the XDG folders on an
# empty read-only folder, stdin closed (a prompt fails instead of waiting), and the module from the
# extracted FinSpace.zip of the package task. Azure Automation's asset cmdlets are stand-ins defined
# before the runbook runs (Runbooks/Invoke-HostedJob.ps1); the SSM documents' scripts are taken out of
# the documents and run as the agent and aws:executeScript run them. Every run must leave the read-only
# HOME and the repository tree as they were. Then jobs in one process, as Azure Automation runs them:
# two runspaces with different credentials and endpoints at once, and 200 jobs for memory.

Describe 'Runbooks' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $ConfirmPreference = 'High'
        $WhatIfPreference = $false
        $root = Get-FSRepositoryRoot
        $runbooks = Join-Path $root 'samples/runbooks'
        $hostedJob = Join-Path $PSScriptRoot 'Runbooks/Invoke-HostedJob.ps1'
        $pwsh = Get-FSPowerShellPath
        $credential = Get-FSEmulatorCredential
        $teamCsv = Join-Path $root 'samples/data/quant-team.csv'
        $team = @(Import-Csv -LiteralPath $teamCsv)

        # The package, built once per run (Packages.Tests.ps1 uses the same), extracted as a host would.
        $package = Get-FSPackage
        $modules = Join-Path $TestDrive 'modules'
        Expand-Archive -LiteralPath $package.Zip -DestinationPath $modules
        $manifest = Join-Path $modules 'FinSpace/FinSpace.psd1'

        # --moto: a real S3 (the CSV behind a presigned URL) and STS (web identity) beside the emulator.
        $emulator = Start-FSEmulator -ArgumentList '--step-ms', '20', '--moto'
        $banner = Get-Content -LiteralPath $emulator.StandardOutputPath -Raw
        $sts = [regex]::Match($banner, 'keys issued by the STS at (http://\S+)').Groups[1].Value.TrimEnd('/')
        if (-not $sts) {
            throw "The emulator started with --moto printed no STS endpoint (is moto_server on PATH?):`n$banner"
        }

        $s3 = Get-FSEmulatorS3Endpoint -Emulator $emulator
        $bucket = (Invoke-FSEmulatorAdmin -Emulator $emulator -Method GET -Path 'config').workingLocation.bucket
        # A second tenant for the jobs in one process: another endpoint that accepts only its own key.
        $tenantB = [pscustomobject]@{ Name = 'B'; AccessKey = 'AKIARUNBOOKTENANTB01'; SecretKey = 'runbook-tenant-b-secret-0001'; Region = 'eu-west-1'; Url = $null }
        $second = Start-FSEmulator -ArgumentList '--step-ms', '20', '--access-key', "$($tenantB.AccessKey):$($tenantB.SecretKey)"
        $tenantB.Url = $second.Url
        $tenantA = [pscustomobject]@{ Name = 'A'; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey; Region = $credential.Region; Url = $emulator.Url }
        Connect-FSEnvironment -EndpointUrl $emulator.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region

        # The host's folders: HOME (and USERPROFILE, XDG_*) empty and read-only; a writable temp folder.
        # This suite runs as root, whom mode 0555 does not stop, so the folder is made immutable
        # (chattr +i): nobody can write there, as in a sandbox without a writable home. PowerShell's
        # own caches (StartupProfileData, ModuleAnalysisCache, telemetry.uuid) then fail silently there,
        # as they do on such hosts.
        $readOnlyHome = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory -Path $readOnlyHome
        if ($IsWindows) {
            throw 'The runbook tests make HOME read-only with chattr +i, which needs Linux.'
        }

        & chmod 0555 $readOnlyHome
        $chattr = & chattr +i $readOnlyHome 2>&1
        if ($LASTEXITCODE -ne 0) {
            throw "chattr +i on $readOnlyHome failed (the file system must support the immutable attribute, and this needs root): $chattr"
        }

        $sandboxTemp = Join-Path $TestDrive 'sandbox-temp'
        $null = New-Item -ItemType Directory -Path $sandboxTemp

        # Every file under HOME and the repository tree (build output of the other test projects, which
        # run beside this suite, left out), with size and time, to find what a run wrote.
        $skipped = [System.Collections.Generic.HashSet[string]]::new([string[]] @('.git', 'bin', 'obj', 'TestResults', '__pycache__', 'test-results'))
        function Get-FileSnapshot {
            $files = @{}
            $pending = [System.Collections.Generic.Stack[string]]::new()
            $pending.Push($readOnlyHome)
            $pending.Push($root)
            while ($pending.Count -gt 0) {
                $directory = [System.IO.DirectoryInfo]::new($pending.Pop())
                foreach ($entry in $directory.EnumerateFileSystemInfos()) {
                    if ($entry -is [System.IO.DirectoryInfo]) {
                        if (-not $skipped.Contains($entry.Name) -and -not $entry.Attributes.HasFlag([System.IO.FileAttributes]::ReparsePoint)) {
                            $pending.Push($entry.FullName)
                        }
                    }
                    else {
                        $files[$entry.FullName] = '{0}|{1}' -f $entry.Length, $entry.LastWriteTimeUtc.Ticks
                    }
                }
            }

            $files
        }

        # Runs pwsh -NoProfile -NonInteractive <arguments> with only the host's environment; returns the
        # exit code, the output, the FSRESULT object if one was printed, and every file written or changed
        # under HOME or the repository tree.
        function Invoke-Host([string[]] $Arguments, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $sandboxTemp) {
            $before = Get-FileSnapshot
            $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
            foreach ($argument in @('-NoProfile', '-NonInteractive') + $Arguments) { $start.ArgumentList.Add($argument) }
            $start.UseShellExecute = $false
            $start.RedirectStandardInput = $true
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            $start.WorkingDirectory = $WorkingDirectory
            $start.Environment.Clear()
            $hostEnvironment = @{
                PATH                      = $env:PATH
                LANG                      = 'C.UTF-8'
                HOME                      = $readOnlyHome
                USERPROFILE               = $readOnlyHome
                XDG_CONFIG_HOME           = $readOnlyHome
                XDG_DATA_HOME             = $readOnlyHome
                XDG_CACHE_HOME            = $readOnlyHome
                TMPDIR                    = $sandboxTemp
                TEMP                      = $sandboxTemp
                TMP                       = $sandboxTemp
                # No instance metadata here (and its address is not ours to call).
                AWS_EC2_METADATA_DISABLED = 'true'
            }
            if ($env:DOTNET_ROOT) { $hostEnvironment.DOTNET_ROOT = $env:DOTNET_ROOT }
            foreach ($name in $Environment.Keys) { $hostEnvironment[$name] = $Environment[$name] }
            foreach ($name in $hostEnvironment.Keys) {
                if ($null -ne $hostEnvironment[$name]) { $start.Environment[$name] = [string] $hostEnvironment[$name] }
            }

            $process = [System.Diagnostics.Process]::Start($start)
            $process.StandardInput.Close()
            $errorText = $process.StandardError.ReadToEndAsync()
            $outputText = $process.StandardOutput.ReadToEndAsync()
            if (-not $process.WaitForExit(300000)) {
                $process.Kill($true)
                throw "The host's pwsh did not finish within 300 s: $($Arguments -join ' ')"
            }

            $process.WaitForExit()
            $after = Get-FileSnapshot
            $written = @($after.Keys | Where-Object { $before[$_] -ne $after[$_] } | Sort-Object)
            $output = $outputText.Result
            $resultLine = @($output -split "`r?`n" | Where-Object { $_.StartsWith('FSRESULT ') }) | Select-Object -Last 1
            [pscustomobject]@{
                ExitCode = $process.ExitCode
                Output   = $output
                Errors   = $errorText.Result
                Result   = if ($resultLine) { ConvertFrom-Json -InputObject $resultLine.Substring('FSRESULT '.Length) } else { $null }
                Written  = $written
                Text     = "exit code $($process.ExitCode)`nstdout:`n$output`nstderr:`n$($errorText.Result)"
            }
        }

        # An Azure Automation cloud job: assets served by the stand-in cmdlets, verbose and progress
        # records logged (the runbook's "Log verbose records" on), the module among the account's modules.
        function Invoke-AutomationJob([hashtable] $Variables, [hashtable] $Credentials = @{}, [hashtable] $Environment = @{}) {
            $assets = ConvertTo-Json -Compress -Depth 4 -InputObject @{ Variables = $Variables; Credentials = $Credentials }
            $jobEnvironment = @{
                FSTEST_AUTOMATION_ASSETS   = $assets
                FSTEST_PROGRESS_PREFERENCE = 'Continue'
                FSTEST_VERBOSE_PREFERENCE  = 'Continue'
                PSModulePath               = $modules
            }
            foreach ($name in $Environment.Keys) { $jobEnvironment[$name] = $Environment[$name] }
            Invoke-Host -Arguments @('-File', $hostedJob, '-ScriptPath', (Join-Path $runbooks 'AzureAutomation-NightlyOnboarding.ps1')) -Environment $jobEnvironment
        }

        function ConvertFrom-Yaml([string] $Path) {
            $python = Get-Command -Name python3 -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
            if (-not $python) {
                throw 'python3 is not on PATH: the SSM documents are read with python3 and PyYAML (which the AWS CLI brings).'
            }

            $json = & $python.Source -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)' $Path
            if ($LASTEXITCODE -ne 0) {
                throw "python3 could not read $Path as YAML (is PyYAML installed? pip install pyyaml)."
            }

            ConvertFrom-Json -InputObject ($json -join "`n")
        }

        # SSM's parameter handling: each value (or the default) must match allowedPattern, then every
        # {{ Name }} in the text is replaced by it.
        function Resolve-SsmParameter([object] $Document, [hashtable] $Given) {
            $values = @{}
            foreach ($parameter in $Document.parameters.PSObject.Properties) {
                $value = if ($Given.ContainsKey($parameter.Name)) { $Given[$parameter.Name] } else { $parameter.Value.default }
                if ($null -eq $value) {
                    throw "The document's parameter $($parameter.Name) has no default and was not given."
                }

                if ($parameter.Value.allowedPattern -and $value -notmatch $parameter.Value.allowedPattern) {
                    throw "'$value' does not match the allowedPattern of $($parameter.Name): SSM would refuse it."
                }

                $values[$parameter.Name] = [string] $value
            }

            $values
        }

        function Expand-SsmText([string] $Text, [hashtable] $Values) {
            [regex]::Replace($Text, '\{\{\s*([A-Za-z0-9_]+)\s*\}\}', { param($match) $Values[$match.Groups[1].Value] })
        }

        # One dataset with a changeset that failed and one that succeeded (a real load into moto's S3),
        # for the reports.
        $pricesCsv = Join-Path $TestDrive 'prices.csv'
        Set-Content -LiteralPath $pricesCsv -Value "ticker,close`nAAA,10.5`nBBB,20.25"
        function New-ChangesetHistory {
            $dataset = New-FSDataset -Title 'Nightly prices' -Schema ([ordered]@{ ticker = 'STRING'; close = 'DOUBLE' })
            $succeeded = $dataset | Import-FSChangeset -Path $pricesCsv -WithHeader -S3EndpointUrl $s3 -Wait -PollIntervalSec 0.05
            $failed = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://landing/emulator-fail-ACCESS_DENIED/prices.csv' -FormatType CSV
            $null = $failed | Wait-FSChangeset -PollIntervalSec 0.05 -ErrorAction SilentlyContinue
            $succeeded.Status | Should -BeExactly 'SUCCESS'
            [pscustomobject]@{ Dataset = $dataset; Failed = $failed; Succeeded = $succeeded }
        }

        $secrets = @($credential.SecretKey, $tenantB.SecretKey)
        function Assert-Clean([object] $Run) {
            $Run.Written | Should -HaveCount 0 -Because "a runbook writes nothing outside its temp folder, but wrote: $($Run.Written -join ', ')"
            foreach ($secret in $secrets) {
                $Run.Output.Contains($secret) | Should -BeFalse -Because 'no secret appears in any stream'
                $Run.Errors.Contains($secret) | Should -BeFalse -Because 'no secret appears in any stream'
            }
        }

        $azureCredential = @{ FinSpace = @{ UserName = $credential.AccessKey; Password = $credential.SecretKey } }
        $azureVariables = @{
            FinSpaceRegion          = 'us-east-1'
            FinSpaceEndpointUrl     = $emulator.Url
            FinSpaceUsersCsv        = (Get-Content -LiteralPath $teamCsv -Raw)
            FinSpacePermissionGroup = 'Quant research'
        }
    }

    AfterAll {
        if ($readOnlyHome -and (Test-Path -LiteralPath $readOnlyHome)) {
            & chattr -i $readOnlyHome
        }

        if (Get-Command -Name Disconnect-FSEnvironment -ErrorAction SilentlyContinue) {
            Disconnect-FSEnvironment
        }

        Stop-FSEmulator -Emulator $emulator
        Stop-FSEmulator -Emulator $second
    }

    BeforeEach {
        Reset-FSEmulator -Emulator $emulator
        Reset-FSEmulator -Emulator $second
    }

    It 'every runbook sample is run by this file' {
        $known = @('AzureAutomation-NightlyOnboarding.ps1', 'CI-OnboardTeam.ps1', 'SSM-FailedChangesetReport.Automation.yaml', 'SSM-FailedChangesetReport.Command.yaml')
        @(Get-ChildItem -LiteralPath $runbooks -File | ForEach-Object Name | Sort-Object) | Should -Be ($known | Sort-Object)
        foreach ($name in $known) {
            Get-Content -LiteralPath (Join-Path $runbooks $name) -Raw | Should -Match 'PowerShell (7\.4|5\.1)' -Because "$name says which PowerShell it targets"
        }
    }

    Context 'Azure Automation: AzureAutomation-NightlyOnboarding.ps1' {
        It 'onboards the CSV from a variable with the credential asset and reports the failed changeset' {
            $history = New-ChangesetHistory
            $ana = New-FSUser -EmailAddress $team[0].EmailAddress

            $run = Invoke-AutomationJob -Variables $azureVariables -Credentials $azureCredential

            $run.ExitCode | Should -Be 0 -Because $run.Text
            $run.Result.Terminating | Should -BeNullOrEmpty -Because $run.Text
            $run.Result.Error | Should -HaveCount 0 -Because $run.Text
            $summary = $run.Result.Payload
            $summary.Group | Should -BeExactly 'Quant research'
            $summary.Created | Should -Be ($team.Count - 1)
            $summary.AlreadyPresent | Should -Be 1
            $summary.Joined | Should -Be $team.Count -Because 'the user who existed joins the group too'
            $summary.Failed | Should -Be 0
            $summary.FailedChangesets | Should -Be 1
            $reported = @($run.Result.Output | Where-Object ChangesetId)
            $reported | Should -HaveCount 1
            $reported[0].ChangesetId | Should -BeExactly $history.Failed.ChangesetId
            $reported[0].DatasetTitle | Should -BeExactly 'Nightly prices'
            $reported[0].ErrorCategory | Should -BeExactly 'ACCESS_DENIED'
            @($run.Result.Warning | Where-Object { $_ -like "*$($history.Failed.ChangesetId)*" }) | Should -HaveCount 1
            # Verbose records are logged: the module's one line per request, never a key.
            @($run.Result.Verbose | Where-Object { $_ -match '^FinSpace CreateUser: HTTP 200' }) | Should -HaveCount ($team.Count - 1)
            Assert-Clean -Run $run

            $group = Get-FSPermissionGroup | Where-Object Name -eq 'Quant research'
            @(Get-FSUser -PermissionGroupId $group.PermissionGroupId | ForEach-Object EmailAddress | Sort-Object) | Should -Be @($team.EmailAddress | Sort-Object)
            (Get-FSUser -UserId $ana.UserId).EmailAddress | Should -BeExactly $team[0].EmailAddress

            # The next night: nothing to do, nothing created twice.
            $again = Invoke-AutomationJob -Variables $azureVariables -Credentials $azureCredential
            $again.Result.Terminating | Should -BeNullOrEmpty -Because $again.Text
            $again.Result.Payload.Created | Should -Be 0
            $again.Result.Payload.Joined | Should -Be 0
            $again.Result.Payload.AlreadyPresent | Should -Be $team.Count
            @(Get-FSUser) | Should -HaveCount $team.Count
        }

        It 'reads the CSV from S3 through a presigned URL held in the variable' {
            $aws = Get-Command -Name aws -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
            if (-not $aws) {
                throw 'The AWS CLI is not on PATH: this test uploads and presigns the CSV with it (pip install awscli).'
            }

            $key = "runbooks/$([guid]::NewGuid().ToString('N'))/users.csv"
            $awsEnvironment = @{ AWS_ACCESS_KEY_ID = 'moto'; AWS_SECRET_ACCESS_KEY = 'moto'; AWS_DEFAULT_REGION = 'us-east-1' }
            $saved = @{}
            foreach ($name in $awsEnvironment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $awsEnvironment[$name]) }
            try {
                $null = & $aws.Source --endpoint-url $s3 s3 cp $teamCsv "s3://$bucket/$key" 2>&1
                $LASTEXITCODE | Should -Be 0
                $url = (& $aws.Source --endpoint-url $s3 s3 presign "s3://$bucket/$key" --expires-in 900) -join ''
                $LASTEXITCODE | Should -Be 0
            }
            finally {
                foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            }

            $variables = $azureVariables.Clone()
            $variables.FinSpaceUsersCsv = $url
            $run = Invoke-AutomationJob -Variables $variables -Credentials $azureCredential

            $run.Result.Terminating | Should -BeNullOrEmpty -Because $run.Text
            $run.Result.Payload.Created | Should -Be $team.Count
            @(Get-FSUser | ForEach-Object EmailAddress | Sort-Object) | Should -Be @($team.EmailAddress | Sort-Object)
            Assert-Clean -Run $run
        }

        It 'with a managed identity: the identity endpoint''s token is exchanged at STS for the role that signs' {
            # The sandbox's identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER), on loopback.
            $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $probe.Start()
            $port = $probe.LocalEndpoint.Port
            $probe.Stop()
            $listener = [System.Net.HttpListener]::new()
            $listener.Prefixes.Add("http://127.0.0.1:$port/")
            $listener.Start()
            $requests = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
            $identityHeader = 'identity-header-' + [guid]::NewGuid().ToString('N')
            $server = [powershell]::Create().AddScript({
                    param($Listener, $Requests, $Header)
                    while ($Listener.IsListening) {
                        try { $context = $Listener.GetContext() } catch { break }
                        $Requests.Enqueue(('{0}|{1}' -f $context.Request.Url.Query, $context.Request.Headers['X-IDENTITY-HEADER']))
                        $ok = $context.Request.Headers['X-IDENTITY-HEADER'] -eq $Header
                        $body = if ($ok) { '{"access_token":"eyJhbGciOiJub25lIn0.eyJzdWIiOiJhdXRvbWF0aW9uLWlkZW50aXR5In0.","token_type":"Bearer"}' } else { '{"error":"bad header"}' }
                        $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
                        $context.Response.StatusCode = if ($ok) { 200 } else { 400 }
                        $context.Response.ContentType = 'application/json'
                        $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                        $context.Response.Close()
                    }
                }).AddArgument($listener).AddArgument($requests).AddArgument($identityHeader)
            $handle = $server.BeginInvoke()
            try {
                $variables = $azureVariables.Clone()
                $variables.FinSpaceAuthentication = 'ManagedIdentity'
                $variables.FinSpaceRoleArn = 'arn:aws:iam::123456789012:role/FinSpaceAutomation'
                $variables.FinSpaceStsEndpoint = $sts
                $run = Invoke-AutomationJob -Variables $variables -Environment @{ IDENTITY_ENDPOINT = "http://127.0.0.1:$port/msi/token"; IDENTITY_HEADER = $identityHeader }
            }
            finally {
                $listener.Stop()
                $listener.Close()
                $null = $handle.AsyncWaitHandle.WaitOne(5000)
                $server.Dispose()
            }

            $run.Result.Terminating | Should -BeNullOrEmpty -Because $run.Text
            $run.Result.Payload.Created | Should -Be $team.Count
            @($requests) | Should -HaveCount 1
            @($requests)[0] | Should -BeExactly ('?resource={0}&api-version=2019-08-01|{1}' -f [uri]::EscapeDataString('api://AzureADTokenExchange'), $identityHeader)
            # The emulator (--moto) accepts the test key and keys its STS issued; no key was given here,
            # so the users were created with the role's temporary keys.
            @(Get-FSUser) | Should -HaveCount $team.Count
            Assert-Clean -Run $run
            $run.Output.Contains($identityHeader) | Should -BeFalse
        }

        It 'stops with a clear terminating error, sending nothing, when the credential asset is missing' {
            $run = Invoke-AutomationJob -Variables $azureVariables -Credentials @{}

            $run.Result.Terminating.Message | Should -Match "The Automation credential 'FinSpace' could not be read"
            $run.Result.Output | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Assert-Clean -Run $run
        }

        It 'stops with a clear terminating error, sending nothing, when the region variable is missing' {
            $variables = $azureVariables.Clone()
            $variables.Remove('FinSpaceRegion')
            $run = Invoke-AutomationJob -Variables $variables -Credentials $azureCredential

            $run.Result.Terminating.Message | Should -Match "The Automation variable 'FinSpaceRegion' is required"
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Assert-Clean -Run $run
        }
    }

    Context 'AWS Systems Manager: SSM-FailedChangesetReport documents' {
        BeforeAll {
            $commandDocument = ConvertFrom-Yaml -Path (Join-Path $runbooks 'SSM-FailedChangesetReport.Command.yaml')
            $automationDocument = ConvertFrom-Yaml -Path (Join-Path $runbooks 'SSM-FailedChangesetReport.Automation.yaml')
            # The role SSM gives the script (instance profile, or the Automation assume role): keys in
            # the environment, as the SDK's default chain finds them there.
            $roleKeys = @{ AWS_ACCESS_KEY_ID = $credential.AccessKey; AWS_SECRET_ACCESS_KEY = $credential.SecretKey }

            # Run Command: aws:downloadContent puts FinSpace.zip into the download folder (a copy here),
            # then the agent writes the aws:runPowerShellScript lines to a script file and runs it in pwsh.
            function Invoke-RunCommand([hashtable] $Given, [hashtable] $Environment) {
                $values = Resolve-SsmParameter -Document $commandDocument -Given $Given
                $download = $commandDocument.mainSteps | Where-Object action -eq 'aws:downloadContent'
                $download.inputs.sourceType | Should -BeExactly 'S3'
                (ConvertFrom-Json -InputObject (Expand-SsmText -Text $download.inputs.sourceInfo -Values $values)).path | Should -BeExactly $values.ModuleZipUrl
                $destination = Expand-SsmText -Text $download.inputs.destinationPath -Values $values
                $null = New-Item -ItemType Directory -Force -Path $destination
                Copy-Item -LiteralPath $package.Zip -Destination $destination

                $step = $commandDocument.mainSteps | Where-Object action -eq 'aws:runPowerShellScript'
                $orchestration = Join-Path $TestDrive ("orchestration-{0}" -f [guid]::NewGuid().ToString('N'))
                $null = New-Item -ItemType Directory -Path $orchestration
                $scriptPath = Join-Path $orchestration '_script.ps1'
                Set-Content -LiteralPath $scriptPath -Value (Expand-SsmText -Text (@($step.inputs.runCommand) -join "`n") -Values $values)
                Invoke-Host -Arguments @('-File', $scriptPath) -Environment $Environment -WorkingDirectory $orchestration
            }

            # Automation: the attachment unpacked in the step's working folder, InputPayload as JSON in
            # $env:InputPayload, the Script run; what it returns is the step's Payload.
            function Invoke-ExecuteScript([hashtable] $Given, [hashtable] $Environment) {
                $values = Resolve-SsmParameter -Document $automationDocument -Given $Given
                $step = $automationDocument.mainSteps | Where-Object action -eq 'aws:executeScript'
                $step.inputs.Runtime | Should -BeExactly 'PowerShell 7.4'
                $automationDocument.files.PSObject.Properties.Name | Should -Contain $step.inputs.Attachment
                $workspace = Join-Path $TestDrive ("execute-script-{0}" -f [guid]::NewGuid().ToString('N'))
                Expand-Archive -LiteralPath $package.Zip -DestinationPath $workspace
                $scriptPath = Join-Path $workspace 'script.ps1'
                Set-Content -LiteralPath $scriptPath -Value $step.inputs.Script
                $payload = [ordered]@{}
                foreach ($entry in $step.inputs.InputPayload.PSObject.Properties) { $payload[$entry.Name] = Expand-SsmText -Text $entry.Value -Values $values }
                $stepEnvironment = @{ InputPayload = (ConvertTo-Json -InputObject $payload -Compress) }
                foreach ($name in $Environment.Keys) { $stepEnvironment[$name] = $Environment[$name] }
                Invoke-Host -Arguments @('-File', $hostedJob, '-ScriptPath', $scriptPath) -Environment $stepEnvironment -WorkingDirectory $workspace
            }

            $zipUrl = 'https://finspace-artifacts.s3.us-east-1.amazonaws.com/finspace/FinSpace.zip'
        }

        It 'Run Command: aws:runPowerShellScript, as the agent runs it, reports the failed changeset with the downloaded module' {
            $history = New-ChangesetHistory
            $given = @{ ModuleZipUrl = $zipUrl; DownloadDirectory = (Join-Path $TestDrive 'ssm-download'); Region = 'us-east-1'; EndpointUrl = $emulator.Url; ReportHours = '2' }

            $run = Invoke-RunCommand -Given $given -Environment $roleKeys

            $run.ExitCode | Should -Be 0 -Because $run.Text
            $report = ConvertFrom-Json -InputObject $run.Output
            $report.FailedCount | Should -Be 1
            $report.Failed[0].ChangesetId | Should -BeExactly $history.Failed.ChangesetId
            $report.Failed[0].DatasetId | Should -BeExactly $history.Dataset.DatasetId
            $report.Failed[0].ErrorCategory | Should -BeExactly 'ACCESS_DENIED'
            Assert-Clean -Run $run
        }

        It 'Automation: the aws:executeScript Script with the attached FinSpace.zip returns the report as its Payload' {
            $history = New-ChangesetHistory
            $environment = $roleKeys.Clone()
            $environment.AWS_REGION = 'us-east-1'

            $run = Invoke-ExecuteScript -Given @{ AutomationAssumeRole = 'arn:aws:iam::123456789012:role/FinSpaceReport'; EndpointUrl = $emulator.Url } -Environment $environment

            $run.Result.Terminating | Should -BeNullOrEmpty -Because $run.Text
            $run.Result.Payload.FailedCount | Should -Be 1
            $run.Result.Payload.Failed.ChangesetId | Should -BeExactly $history.Failed.ChangesetId
            # The step's output selector reads the Payload.
            ($automationDocument.mainSteps[0].outputs | Where-Object Name -eq 'FailedCount').Selector | Should -BeExactly '$.Payload.FailedCount'
            Assert-Clean -Run $run
        }

        It 'Automation: no region anywhere is a terminating RegionNotFound before any request' {
            $run = Invoke-ExecuteScript -Given @{ AutomationAssumeRole = 'arn:aws:iam::123456789012:role/FinSpaceReport' } -Environment $roleKeys

            $run.Result.Terminating.ErrorId | Should -Match '^RegionNotFound,'
            $run.Result.Terminating.Message | Should -Match 'No AWS region is set'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Assert-Clean -Run $run
        }

        It 'Run Command: no credentials is a terminating CredentialsNotFound and a failed command, before any request' {
            $given = @{ ModuleZipUrl = $zipUrl; DownloadDirectory = (Join-Path $TestDrive 'ssm-download-nocred'); Region = 'us-east-1'; EndpointUrl = $emulator.Url }

            $run = Invoke-RunCommand -Given $given -Environment @{}

            $run.ExitCode | Should -Not -Be 0 -Because 'the agent marks the command failed'
            $run.Errors | Should -Match 'No AWS credentials could be resolved'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Assert-Clean -Run $run
        }
    }

    Context 'CI agent: CI-OnboardTeam.ps1' {
        BeforeAll {
            $ciScript = Join-Path $runbooks 'CI-OnboardTeam.ps1'
            $ciEnvironment = @{
                AWS_ACCESS_KEY_ID              = $credential.AccessKey
                AWS_SECRET_ACCESS_KEY          = $credential.SecretKey
                AWS_REGION                     = 'us-east-1'
                AWS_ENDPOINT_URL_FINSPACE_DATA = $emulator.Url
                FINSPACE_USERS_CSV             = $teamCsv
                FINSPACE_MODULE_PATH           = $manifest
            }
        }

        It 'onboards the team from environment variables only, and a second run changes nothing' {
            $run = Invoke-Host -Arguments @('-File', $ciScript) -Environment $ciEnvironment

            $run.ExitCode | Should -Be 0 -Because $run.Text
            $run.Output | Should -Match "FinSpace onboarding: $($team.Count) members of 'Quant research', 0 already present, 0 failed"
            $group = Get-FSPermissionGroup | Where-Object Name -eq 'Quant research'
            @(Get-FSUser -PermissionGroupId $group.PermissionGroupId) | Should -HaveCount $team.Count
            Assert-Clean -Run $run

            $again = Invoke-Host -Arguments @('-File', $ciScript) -Environment $ciEnvironment
            $again.ExitCode | Should -Be 0 -Because $again.Text
            $again.Output | Should -Match "FinSpace onboarding: $($team.Count) members of 'Quant research', $($team.Count) already present, 0 failed"
            @(Get-FSUser) | Should -HaveCount $team.Count
        }

        It 'works with web identity from the environment (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, as an OIDC step sets them)' {
            $tokenFile = Join-Path $sandboxTemp 'oidc-token'
            Set-Content -LiteralPath $tokenFile -Value 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOmZpbnNwYWNlIn0.' -NoNewline
            $environment = $ciEnvironment.Clone()
            $environment.Remove('AWS_ACCESS_KEY_ID')
            $environment.Remove('AWS_SECRET_ACCESS_KEY')
            $environment.AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/FinSpaceCI'
            $environment.AWS_WEB_IDENTITY_TOKEN_FILE = $tokenFile
            $environment.AWS_ENDPOINT_URL_STS = $sts

            $run = Invoke-Host -Arguments @('-File', $ciScript) -Environment $environment

            $run.ExitCode | Should -Be 0 -Because $run.Text
            @(Get-FSUser) | Should -HaveCount $team.Count
            Assert-Clean -Run $run
        }

        It 'fails the build (exit 1) when a request fails, and still onboards the other users' {
            $csv = Join-Path $sandboxTemp 'team-with-a-bad-row.csv'
            Set-Content -LiteralPath $csv -Value "EmailAddress,FirstName,LastName,Type`nok.user@example.com,Ok,User,`nbad.user@example.com,Bad,User,NOT_A_TYPE"
            $environment = $ciEnvironment.Clone()
            $environment.FINSPACE_USERS_CSV = $csv

            $run = Invoke-Host -Arguments @('-File', $ciScript) -Environment $environment

            $run.ExitCode | Should -Be 1 -Because $run.Text
            $run.Output | Should -Match "FinSpace onboarding: 1 members of 'Quant research', 0 already present, 1 failed"
            $run.Errors | Should -Match "parameter 'Type'"
            @(Get-FSUser | ForEach-Object EmailAddress) | Should -Be @('ok.user@example.com')
            Assert-Clean -Run $run
        }

        It 'stops with a clear error and a failed exit code when <Missing>' -ForEach @(
            @{ Missing = 'the region is missing'; Remove = @('AWS_REGION'); Message = 'No AWS region: set AWS_REGION' }
            @{ Missing = 'the credentials are missing'; Remove = @('AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'); Message = 'No AWS credentials could be resolved' }
        ) {
            $environment = $ciEnvironment.Clone()
            foreach ($name in $Remove) { $environment.Remove($name) }

            $run = Invoke-Host -Arguments @('-File', $ciScript) -Environment $environment

            $run.ExitCode | Should -Not -Be 0
            $run.Errors | Should -Match ([regex]::Escape($Message))
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Assert-Clean -Run $run
        }
    }

    Context 'Jobs in one process, as Azure Automation runs them in one sandbox' {
        BeforeAll {
            $sandboxJobs = Join-Path $PSScriptRoot 'Runbooks/Invoke-SandboxJobs.ps1'
            $tenants = ConvertTo-Json -Compress -InputObject @($tenantA, $tenantB)
        }

        It 'two runspaces with different credentials and endpoints run at once and never see each other''s session default' {
            $run = Invoke-Host -Arguments @('-File', $sandboxJobs, '-ManifestPath', $manifest, '-TenantsJson', $tenants, '-Rounds', '1', '-Requests', '25')

            $run.ExitCode | Should -Be 0 -Because $run.Text
            $run.Result.Failures | Should -HaveCount 0 -Because ($run.Result.Failures -join "`n")
            $byTenant = @{}
            foreach ($result in $run.Result.Results) { $byTenant[$result.Tenant] = $result }
            foreach ($tenant in $tenantA, $tenantB) {
                $seen = $byTenant[$tenant.Name]
                $seen.Endpoints | Should -Be @($tenant.Url) -Because "every call of job $($tenant.Name) used its own session default"
                # Get-FSEnvironment shows the key id masked: its first and last four characters.
                $seen.AccessKeyId | Should -BeExactly ('{0}…{1}' -f $tenant.AccessKey.Substring(0, 4), $tenant.AccessKey.Substring($tenant.AccessKey.Length - 4))
                $seen.Titles | Should -HaveCount 25
                @($seen.Titles | Where-Object { $_ -notlike "$($tenant.Name)-*" }) | Should -HaveCount 0
            }

            # They ran at the same time: each started before the other finished.
            $byTenant.A.Started | Should -BeLessThan $byTenant.B.Finished
            $byTenant.B.Started | Should -BeLessThan $byTenant.A.Finished
            # Each emulator accepts only its own key: all 25 creates of each job reached the right one.
            Get-FSEmulatorCounter -Emulator $emulator -Operation CreateDataset | Should -Be 25
            Get-FSEmulatorCounter -Emulator $second -Operation CreateDataset | Should -Be 25
            @(Get-FSDataset -EndpointUrl $second.Url -AccessKey $tenantB.AccessKey -SecretKey $tenantB.SecretKey -Region $tenantB.Region |
                    Where-Object { $_.Title -notlike 'B-*' }) | Should -HaveCount 0
            Assert-Clean -Run $run
        }

        It '200 jobs, two at a time, half without Disconnect-FSEnvironment: memory does not grow job after job' {
            $run = Invoke-Host -Arguments @('-File', $sandboxJobs, '-ManifestPath', $manifest, '-TenantsJson', $tenants, '-Rounds', '100', '-Requests', '2', '-SampleEvery', '50')

            $run.ExitCode | Should -Be 0 -Because $run.Text
            Write-FSFigure ($run.Output -split "`n" | Where-Object { $_ -like 'jobs *' } | Out-String)
            $run.Result.Failures | Should -HaveCount 0 -Because ($run.Result.Failures -join "`n")
            $run.Result.Jobs | Should -Be 200
            $samples = @($run.Result.Samples)
            $samples | Should -HaveCount 5
            # After warm-up (50 jobs: JIT, caches, the client cache filling to its bound), a leak check,
            # not a timing: a job that left something behind would add up over 150 more.
            $warm = $samples | Where-Object Jobs -eq 50
            $last = $samples | Where-Object Jobs -eq 200
            ($last.ManagedMB - $warm.ManagedMB) | Should -BeLessThan 50 -Because ($run.Output -split "`n" | Where-Object { $_ -like 'jobs *' } | Out-String)
            ($last.WorkingSetMB - $warm.WorkingSetMB) | Should -BeLessThan 100 -Because ($run.Output -split "`n" | Where-Object { $_ -like 'jobs *' } | Out-String)
            Assert-Clean -Run $run
        }
    }
}
