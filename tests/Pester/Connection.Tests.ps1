# Connect-FSEnvironment and Disconnect-FSEnvironment, and the connection parameters every cmdlet
# takes: the session default, per-call overrides, -Credential, profiles, programmatic credentials.
# Two emulators tell apart which endpoint a call reached.

Describe 'Connection' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        # Whatever the session's preferences, only ConfirmImpact High may ask, and nothing is a dry run
        # unless a test says -WhatIf: the tests pass -Force or -Confirm:$false where a prompt could come.
        $ConfirmPreference = 'High'
        $WhatIfPreference = $false
        $credential = Get-FSEmulatorCredential
        $primary = Start-FSEmulator -ArgumentList '--step-ms', '20'
        $secondary = Start-FSEmulator -ArgumentList '--step-ms', '20'

        # Created with explicit parameters on the call: no session default is needed for that.
        $primaryDataset = New-FSDataset -Title (New-FSTestName -Prefix 'Primary') `
            -EndpointUrl $primary.Url -Region $credential.Region -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey
        $secondaryDataset = New-FSDataset -Title (New-FSTestName -Prefix 'Secondary') `
            -EndpointUrl $secondary.Url -Region $credential.Region -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey
    }

    BeforeEach {
        # Every test starts connected to the primary emulator with zeroed counters.
        Connect-FSEnvironment -EndpointUrl $primary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
        Reset-FSEmulatorCounter -Emulator $primary
        Reset-FSEmulatorCounter -Emulator $secondary
    }

    AfterAll {
        if (Get-Command -Name Disconnect-FSEnvironment -ErrorAction SilentlyContinue) {
            Disconnect-FSEnvironment
        }

        Stop-FSEmulator -Emulator $primary
        Stop-FSEmulator -Emulator $secondary
    }

    Context 'Connect-FSEnvironment' {
        It '-PassThru describes the session default without secrets, and connecting sends no request' {
            $connection = Connect-FSEnvironment -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region eu-west-1 -PassThru

            $connection | Should -HaveCount 1
            $connection | Should -BeOfType 'FinSpace.Management.FinSpaceConnection'
            $connection.EndpointUrl | Should -BeExactly $secondary.Url
            $connection.Region | Should -BeExactly 'eu-west-1'
            $connection.EnvironmentId | Should -BeNullOrEmpty
            $connection.CredentialSource | Should -Match 'explicit keys'
            $connection.CredentialSource.Contains($credential.SecretKey) | Should -BeFalse
            $connection.CredentialSource.Contains($credential.AccessKey) | Should -BeFalse -Because 'the access key id is shown masked'
            Get-FSEmulatorCounter -Emulator $secondary | Should -Be 0
            @(Connect-FSEnvironment -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region us-east-1) | Should -HaveCount 0
        }

        It 'later commands without connection parameters use the session default' {
            $ids = @(Get-FSDataset | ForEach-Object { $_.DatasetId })
            $ids | Should -Contain $primaryDataset.DatasetId
            $ids | Should -Not -Contain $secondaryDataset.DatasetId
            Get-FSEmulatorCounter -Emulator $primary -Operation ListDatasets | Should -Be 1
            Get-FSEmulatorCounter -Emulator $secondary | Should -Be 0
        }

        It 'a new Connect-FSEnvironment replaces the session default' {
            Connect-FSEnvironment -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
            $ids = @(Get-FSDataset | ForEach-Object { $_.DatasetId })
            $ids | Should -Contain $secondaryDataset.DatasetId
            Get-FSEmulatorCounter -Emulator $primary | Should -Be 0
        }

        It '-WhatIf changes nothing' {
            Connect-FSEnvironment -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region -WhatIf
            @(Get-FSDataset | ForEach-Object { $_.DatasetId }) | Should -Contain $primaryDataset.DatasetId
            Get-FSEmulatorCounter -Emulator $secondary | Should -Be 0
        }

        It 'rejects an endpoint that is not an http(s) URL and keeps the previous default' {
            { Connect-FSEnvironment -EndpointUrl 'ftp://example.invalid/finspace' -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region } |
                Should -Throw -ErrorId 'InvalidEndpoint,FinSpace.PowerShell.Commands.ConnectFSEnvironmentCommand'
            @(Get-FSDataset | ForEach-Object { $_.DatasetId }) | Should -Contain $primaryDataset.DatasetId
        }

        It '-EnvironmentId exchanges the identity for programmatic credentials, fetched once' {
            $connection = Connect-FSEnvironment -EnvironmentId 'finspaceenv01' -DurationInMinutes 15 -PassThru `
                -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region

            $connection.EnvironmentId | Should -BeExactly 'finspaceenv01'
            $connection.CredentialSource | Should -Match 'programmatic credentials of environment finspaceenv01'
            Get-FSEmulatorCounter -Emulator $secondary -Operation GetProgrammaticAccessCredentials | Should -Be 1

            @(Get-FSDataset | ForEach-Object { $_.DatasetId }) | Should -Contain $secondaryDataset.DatasetId
            Get-FSEmulatorCounter -Emulator $secondary -Operation GetProgrammaticAccessCredentials | Should -Be 1
        }

        It '-DurationInMinutes 1 gives a usable session: later calls sign with the one set fetched' {
            Connect-FSEnvironment -EnvironmentId 'finspaceenv03' -DurationInMinutes 1 `
                -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region

            @(Get-FSDataset -ErrorAction Stop | ForEach-Object { $_.DatasetId }) | Should -Contain $secondaryDataset.DatasetId
            @(Get-FSDataset -ErrorAction Stop) | Should -Not -BeNullOrEmpty
            Get-FSEmulatorCounter -Emulator $secondary -Operation GetProgrammaticAccessCredentials | Should -Be 1 -Because 'one-minute credentials are not expired on arrival'
        }

        It 'refuses a lifetime outside 1-60 minutes before any request, naming -DurationInMinutes' {
            foreach ($minutes in 0, 61) {
                $record = { Connect-FSEnvironment -EnvironmentId 'finspaceenv04' -DurationInMinutes $minutes `
                        -EndpointUrl $secondary.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region } |
                    Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.ConnectFSEnvironmentCommand' -PassThru
                $record.Exception.ParameterName | Should -BeExactly 'DurationInMinutes'
            }

            Get-FSEmulatorCounter -Emulator $secondary | Should -Be 0
            @(Get-FSDataset | ForEach-Object { $_.DatasetId }) | Should -Contain $primaryDataset.DatasetId -Because 'the previous session default stays'
        }

        It '-EnvironmentId sessions really sign with the exchanged credentials' {
            $own = Start-FSEmulator -ArgumentList '--step-ms', '20'
            try {
                Connect-FSEnvironment -EnvironmentId 'finspaceenv02' `
                    -EndpointUrl $own.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
                @(Get-FSDataset) | Should -HaveCount 0

                # The reset forgets every temporary credential the emulator issued; the test key stays valid.
                Reset-FSEmulator -Emulator $own
                $record = { Get-FSDataset } | Should -Throw -ErrorId 'UnrecognizedClientException,*' -PassThru
                [string] $record.CategoryInfo.Category | Should -BeExactly 'AuthenticationError'
            }
            finally {
                Stop-FSEmulator -Emulator $own
            }
        }
    }

    Context 'connection parameters on one call' {
        It 'an explicit -EndpointUrl overrides the session default for that call only' {
            $ids = @(Get-FSDataset -EndpointUrl $secondary.Url | ForEach-Object { $_.DatasetId })
            $ids | Should -Contain $secondaryDataset.DatasetId
            $ids | Should -Not -Contain $primaryDataset.DatasetId
            Get-FSEmulatorCounter -Emulator $secondary -Operation ListDatasets | Should -Be 1
            Get-FSEmulatorCounter -Emulator $primary | Should -Be 0

            @(Get-FSDataset | ForEach-Object { $_.DatasetId }) | Should -Contain $primaryDataset.DatasetId
        }

        It 'an explicit -Region overrides the session region' {
            $records = @(Get-FSDataset -Region eu-central-1 -Verbose 4>&1)
            $lines = @(Get-FSVerboseMessage -InputObject $records | Where-Object { $_ -like 'FinSpace: * in eu-central-1 (-Region),*' })
            $lines | Should -HaveCount 1
        }

        It 'explicit keys override the session credentials' {
            $wrongSecret = 'not-the-secret-' + [guid]::NewGuid().ToString('N')
            { Get-FSDataset -AccessKey $credential.AccessKey -SecretKey $wrongSecret } |
                Should -Throw -ErrorId 'InvalidSignatureException,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
            { Get-FSDataset -AccessKey $credential.AccessKey } |
                Should -Throw -ErrorId 'IncompleteCredentials,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
        }

        It '-Credential carries the key pair' {
            $secure = ConvertTo-SecureString -String $credential.SecretKey -AsPlainText -Force
            $keyPair = [pscredential]::new($credential.AccessKey, $secure)
            $ids = @(Get-FSDataset -EndpointUrl $secondary.Url -Region $credential.Region -Credential $keyPair | ForEach-Object { $_.DatasetId })
            $ids | Should -Contain $secondaryDataset.DatasetId
            Get-FSEmulatorCounter -Emulator $secondary -Operation ListDatasets | Should -Be 1
        }

        It '-ProfileName and -ProfileLocation read a shared credentials file' {
            $file = Join-Path $TestDrive 'credentials'
            Set-Content -LiteralPath $file -Value @(
                '[finspace-emulator]'
                "aws_access_key_id = $($credential.AccessKey)"
                "aws_secret_access_key = $($credential.SecretKey)"
                "region = $($credential.Region)"
            )

            $ids = @(Get-FSDataset -ProfileName 'finspace-emulator' -ProfileLocation $file -EndpointUrl $secondary.Url | ForEach-Object { $_.DatasetId })
            $ids | Should -Contain $secondaryDataset.DatasetId

            { Get-FSDataset -ProfileName 'no-such-profile' -ProfileLocation $file -EndpointUrl $secondary.Url } |
                Should -Throw -ErrorId 'ProfileNotFound,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
            Get-FSEmulatorCounter -Emulator $secondary -Operation ListDatasets | Should -Be 1
        }
    }

    Context 'Get-FSEnvironment' {
        It 'shows the session default, where each part came from, and our own AWSSDK.Core, without a secret or a request' {
            $environment = Get-FSEnvironment

            $environment | Should -BeOfType 'FinSpace.Management.FinSpaceEnvironment'
            $environment.Connected | Should -BeTrue
            ($environment.EndpointUrl, $environment.EndpointSource) | Should -Be @($primary.Url, 'session default')
            ($environment.Region, $environment.RegionSource) | Should -Be @($credential.Region, 'session default')
            $environment.CredentialSource | Should -BeLike 'session default: explicit keys (AKIA…0001)'
            $environment.SdkLoadContext | Should -BeExactly 'FinSpace.Engine'
            $environment.SdkVersion | Should -Match '^4\.0\.102\.18'
            # dependencies/core, or its ReadyToRun subfolder for this runtime and platform (ReadyToRun.Tests.ps1).
            $environment.SdkLocation | Should -BeLike ((Join-Path (Split-Path -Parent (Get-FSModuleManifestPath)) 'dependencies/core') + '*AWSSDK.Core.dll')
            $environment.CachedClients | Should -BeLessOrEqual $environment.CacheCapacity
            ($environment | Format-List | Out-String).Contains($credential.SecretKey) | Should -BeFalse
            ($environment | ConvertTo-Json).Contains($credential.SecretKey) | Should -BeFalse
            Get-FSEmulatorCounter -Emulator $primary | Should -Be 0
        }

        It 'a per-call parameter shows what that call would use; bad settings stop it as they would any call' {
            (Get-FSEnvironment -Region eu-west-1).RegionSource | Should -BeExactly '-Region'
            { Get-FSEnvironment -EndpointUrl 'ftp://example.invalid' } |
                Should -Throw -ErrorId 'InvalidEndpoint,FinSpace.PowerShell.Commands.GetFSEnvironmentCommand'
        }

        It 'after Disconnect-FSEnvironment the session''s clients are gone from the cache' {
            $null = @(Get-FSDataset)
            $before = (Get-FSEnvironment).CachedClients
            Disconnect-FSEnvironment
            $after = (Get-FSEnvironment -EndpointUrl $primary.Url -Region $credential.Region -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey).CachedClients
            $after | Should -BeLessThan $before
        }
    }

    Context 'Disconnect-FSEnvironment' {
        BeforeAll {
            # The start of a script for a fresh process with no AWS variables, no shared config or
            # credentials file, a profile name that exists nowhere (so no SDK credential store on
            # Windows is read either) and no instance metadata: nothing but the session default could
            # supply a connection. AWS_ENDPOINT_URL points at a closed loopback port only as a guard:
            # should anything still find a region and credentials, the request cannot leave this machine.
            $cleanChild = @'
param([string] $ManifestPath, [string] $EndpointUrl, [string] $AccessKey, [string] $SecretKey)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{}
function Invoke-UnconnectedCall {
    # A call with no connection parameters: without a session default nothing can succeed.
    try {
        $null = Get-FSDataset -ErrorAction SilentlyContinue
        $result.Terminating = $false
    }
    catch {
        $result.Terminating = $true
        $result.ErrorId = $_.FullyQualifiedErrorId
        $result.Category = [string] $_.CategoryInfo.Category
        $result.Message = $_.ToString()
    }
}

try {
    Get-ChildItem -Path Env: | Where-Object { $_.Name -like 'AWS_*' } | ForEach-Object { Remove-Item -LiteralPath "Env:$($_.Name)" }
    $nowhere = Join-Path ([System.IO.Path]::GetTempPath()) ('finspace-no-aws-' + [guid]::NewGuid().ToString('N'))
    $env:AWS_CONFIG_FILE = Join-Path $nowhere 'config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $nowhere 'credentials'
    $env:AWS_PROFILE = 'finspace-tests-no-such-profile'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_ENDPOINT_URL = 'http://127.0.0.1:9'

'@
            $childArguments = @(
                '-ManifestPath', (Get-FSModuleManifestPath)
                '-EndpointUrl', $primary.Url
                '-AccessKey', $credential.AccessKey
                '-SecretKey', $credential.SecretKey
            )
            $childEnd = @'
}
catch {
    $result.Error = $_.ToString()
}
'FSRESULT ' + (ConvertTo-Json -InputObject $result -Compress)
'@
        }

        It '-WhatIf keeps the session default' {
            Disconnect-FSEnvironment -WhatIf
            @(Get-FSDataset | ForEach-Object { $_.DatasetId }) | Should -Contain $primaryDataset.DatasetId
        }

        It 'forgets the session default; explicit parameters still work' {
            @(Disconnect-FSEnvironment) | Should -HaveCount 0
            $ids = @(Get-FSDataset -EndpointUrl $primary.Url -Region $credential.Region -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey |
                    ForEach-Object { $_.DatasetId })
            $ids | Should -Contain $primaryDataset.DatasetId
        }

        It 'after disconnecting, a call without connection parameters fails with a terminating error (clean environment, fresh pwsh)' {
            $script = $cleanChild + @'
    Import-Module -Name $ManifestPath
    Connect-FSEnvironment -EndpointUrl $EndpointUrl -AccessKey $AccessKey -SecretKey $SecretKey -Region 'us-east-1'
    $result.ConnectedCount = @(Get-FSDataset).Count
    Disconnect-FSEnvironment
    Invoke-UnconnectedCall
'@ + $childEnd
            $result = Invoke-FSChildPowerShell -ScriptText $script -ArgumentList $childArguments

            $result.Error | Should -BeNullOrEmpty
            $result.ConnectedCount | Should -BeGreaterOrEqual 1 -Because 'the same call works while connected'
            $result.Terminating | Should -BeTrue -Because '-ErrorAction SilentlyContinue must not hide that nothing can succeed'
            $result.ErrorId | Should -Match '^(RegionNotFound|CredentialsNotFound|EndpointUnreachable),FinSpace\.PowerShell\.Commands\.GetFSDatasetCommand$'
            $result.Message.Contains($credential.SecretKey) | Should -BeFalse
        }

        It 'Remove-Module FinSpace ends the session default and disposes its clients: a re-import starts unconnected (fresh pwsh)' {
            $script = $cleanChild + @'
    Import-Module -Name $ManifestPath
    Connect-FSEnvironment -EndpointUrl $EndpointUrl -AccessKey $AccessKey -SecretKey $SecretKey -Region 'us-east-1'
    $result.ConnectedCount = @(Get-FSDataset).Count
    $result.CachedBefore = (Get-FSEnvironment).CachedClients
    Remove-Module -Name FinSpace
    Import-Module -Name $ManifestPath
    $report = Get-FSEnvironment -EndpointUrl $EndpointUrl -AccessKey $AccessKey -SecretKey $SecretKey -Region 'us-east-1'
    $result.ConnectedAfter = $report.Connected
    $result.CachedAfter = $report.CachedClients
    Invoke-UnconnectedCall
'@ + $childEnd
            $result = Invoke-FSChildPowerShell -ScriptText $script -ArgumentList $childArguments

            $result.Error | Should -BeNullOrEmpty
            $result.ConnectedCount | Should -BeGreaterOrEqual 1
            $result.CachedBefore | Should -BeGreaterOrEqual 1
            $result.ConnectedAfter | Should -BeFalse -Because 'the session default left with the module'
            $result.CachedAfter | Should -Be 0 -Because 'the clients of the removed module were disposed'
            $result.Terminating | Should -BeTrue -Because 'without the session default nothing supplies a connection'
            $result.ErrorId | Should -Match ',FinSpace\.PowerShell\.Commands\.GetFSDatasetCommand$'
        }
    }
}
