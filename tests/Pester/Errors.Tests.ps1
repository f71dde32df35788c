# How failures reach a script (non-terminating per item, ErrorIds, categories, TargetObject,
# -ErrorAction, try/catch, terminating only when nothing can succeed) and what -Verbose shows.

Describe 'Errors and -Verbose' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $credential = Get-FSEmulatorCredential

        $known = New-FSDataset -Title (New-FSTestName -Prefix 'Known')
        $other = New-FSDataset -Title (New-FSTestName -Prefix 'Other')
        $missing = New-FSMissingId
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'a missing id' {
        It 'is a non-terminating ObjectNotFound error with the id as TargetObject; -ErrorAction SilentlyContinue shows nothing' {
            $output = @(Get-FSDataset -DatasetId $missing -ErrorAction SilentlyContinue -ErrorVariable problems)

            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            $problems[0] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException*'
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $missing
        }

        It 'names the error code, the HTTP status and the AWS request id in the message' {
            $null = Get-FSDataset -DatasetId $missing -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems[0].ToString() | Should -Match ([regex]::Escape($missing))
            $problems[0].ToString() | Should -Match 'ResourceNotFoundException, HTTP 404, request id \S+'
        }

        It 'is caught by try/catch with -ErrorAction Stop' {
            $caught = $null
            $reached = $false
            try {
                $null = Get-FSDataset -DatasetId $missing -ErrorAction Stop
                $reached = $true
            }
            catch {
                $caught = $_
            }

            $reached | Should -BeFalse
            $caught | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $caught.FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
            [string] $caught.CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $caught.TargetObject | Should -BeExactly $missing
        }

        It 'is caught by try/catch under $ErrorActionPreference = ''Stop''' {
            $caught = $null
            try {
                & {
                    $ErrorActionPreference = 'Stop'
                    $null = Get-FSDataset -DatasetId $missing
                }
            }
            catch {
                $caught = $_
            }

            $caught.FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
        }

        It 'among many ids does not stop the others, given as a list or piped' {
            $listed = @(Get-FSDataset -DatasetId $known.DatasetId, $missing, $other.DatasetId -ErrorAction SilentlyContinue -ErrorVariable listProblems)
            $piped = @($known.DatasetId, $missing, $other.DatasetId | Get-FSDataset -ErrorAction SilentlyContinue -ErrorVariable pipedProblems)

            ($listed.DatasetId -join ',') | Should -BeExactly "$($known.DatasetId),$($other.DatasetId)"
            ($piped.DatasetId -join ',') | Should -BeExactly "$($known.DatasetId),$($other.DatasetId)"
            $listProblems | Should -HaveCount 1
            $listProblems[0].TargetObject | Should -BeExactly $missing
            $pipedProblems | Should -HaveCount 1
            $pipedProblems[0].TargetObject | Should -BeExactly $missing
        }

        It 'is ObjectNotFound for <Command> too' -ForEach @(
            @{ Command = 'Get-FSUser'; Parameter = 'UserId'; NeedsDataset = $false }
            @{ Command = 'Get-FSPermissionGroup'; Parameter = 'PermissionGroupId'; NeedsDataset = $false }
            @{ Command = 'Get-FSChangeset'; Parameter = 'ChangesetId'; NeedsDataset = $true }
            @{ Command = 'Get-FSDataView'; Parameter = 'DataViewId'; NeedsDataset = $true }
        ) {
            $arguments = @{ $Parameter = $missing }
            if ($NeedsDataset) {
                $arguments.DatasetId = $known.DatasetId
            }

            $output = @(& $Command @arguments -ErrorAction SilentlyContinue -ErrorVariable problems)

            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,FinSpace.PowerShell.Commands.*'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $missing
        }
    }

    Context 'bad input' {
        It 'is reported before any request is sent' {
            Reset-FSEmulatorCounter -Emulator $emulator

            $null = New-FSDataset -Title (New-FSTestName -Prefix 'Bad') -Schema @{ price = 'NOPE' } -ErrorAction SilentlyContinue -ErrorVariable schemaProblems
            { Get-FSWorkingLocation -LocationType 'SOMEWHERE' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            { New-FSUser -EmailAddress 'someone' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
            { Get-FSUser -MaxResults 1000 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'

            $schemaProblems | Should -HaveCount 1
            $schemaProblems[0].ToString() | Should -Match '-Schema'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }
    }

    Context 'terminating errors' {
        It 'bad credentials stop the command even under -ErrorAction SilentlyContinue, and the secret appears nowhere' {
            $wrongSecret = 'not-the-secret-' + [guid]::NewGuid().ToString('N')

            $record = { Get-FSDataset -EndpointUrl $emulator.Url -Region us-east-1 -AccessKey $credential.AccessKey -SecretKey $wrongSecret -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'InvalidSignatureException,FinSpace.PowerShell.Commands.GetFSDatasetCommand' -PassThru

            [string] $record.CategoryInfo.Category | Should -BeExactly 'AuthenticationError'
            $record.ToString().Contains($wrongSecret) | Should -BeFalse
            $record.Exception.Message.Contains($wrongSecret) | Should -BeFalse
            $record.ToString() | Should -Match 'HTTP 403'
        }

        It 'an unreachable endpoint is a terminating ConnectionError' {
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            $port = ([System.Net.IPEndPoint] $listener.LocalEndpoint).Port
            $listener.Stop()

            $record = { Get-FSDataset -EndpointUrl "http://127.0.0.1:$port" -Region us-east-1 -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'EndpointUnreachable,FinSpace.PowerShell.Commands.GetFSDatasetCommand' -PassThru
            [string] $record.CategoryInfo.Category | Should -BeExactly 'ConnectionError'
        }
    }

    Context '-Verbose' {
        It 'writes one "FinSpace <Operation>" line per request' {
            Reset-FSEmulatorCounter -Emulator $emulator

            $records = @(New-FSDataset -Title (New-FSTestName -Prefix 'Verbose') -Verbose 4>&1)

            $requests = @(Get-FSVerboseRequestLine -InputObject $records)
            $requests | Should -HaveCount 2
            $requests[0] | Should -Match '^FinSpace CreateDataset: HTTP 200 in \d+ ms, request id \S+, 0 retries$'
            $requests[1] | Should -Match '^FinSpace GetDataset: HTTP 200 in \d+ ms, request id \S+, 0 retries$'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be $requests.Count
            @($records | Where-Object { $_ -is [FinSpace.Management.Dataset] }) | Should -HaveCount 1
        }

        It 'writes one line per page while listing' {
            $count = [int] (Get-FSEmulatorState -Emulator $emulator).datasets
            Reset-FSEmulatorCounter -Emulator $emulator

            $records = @(Get-FSDataset -MaxResults 1 -Verbose 4>&1)

            $requests = @(Get-FSVerboseRequestLine -InputObject $records)
            $requests | Should -HaveCount $count
            @($requests | Where-Object { $_ -notlike 'FinSpace ListDatasets: HTTP 200 *' }) | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be $count
        }

        It 'writes the lines of a partial update: read, update, read back' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $records = @(Set-FSDataset -DatasetId $known.DatasetId -Description 'verbose' -PassThru -Verbose 4>&1)
            $operations = @(Get-FSVerboseRequestLine -InputObject $records | ForEach-Object { ($_ -split ':')[0] })
            ($operations -join ',') | Should -BeExactly 'FinSpace GetDataset,FinSpace UpdateDataset,FinSpace GetDataset'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 3
        }

        It 'shows a failed request with its status and error code' {
            $records = @(Get-FSDataset -DatasetId $missing -Verbose -ErrorAction SilentlyContinue 4>&1)
            $requests = @(Get-FSVerboseRequestLine -InputObject $records)
            $requests | Should -HaveCount 1
            $requests[0] | Should -Match '^FinSpace GetDataset: HTTP 404 ResourceNotFoundException in \d+ ms, request id \S+'
        }

        It 'never shows the secret key' {
            $records = @(Get-FSDataset -DatasetId $known.DatasetId -EndpointUrl $emulator.Url -Region us-east-1 `
                    -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Verbose 4>&1)
            $verbose = (@(Get-FSVerboseMessage -InputObject $records)) -join "`n"
            $verbose | Should -Match 'FinSpace: '
            $verbose.Contains($credential.SecretKey) | Should -BeFalse
            $verbose.Contains($credential.AccessKey) | Should -BeFalse -Because 'the access key id is masked'
        }
    }
}
