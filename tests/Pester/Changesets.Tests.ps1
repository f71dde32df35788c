# New-FSChangeset, Get-FSChangeset, Set-FSChangeset and Wait-FSChangeset: pipelines from datasets,
# source and format maps, waiting for success and failure, superseding a changeset.

Describe 'Changesets' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $credential = Get-FSEmulatorCredential

        $null = Add-FSEmulatorSeed -Emulator $emulator -Datasets 3 -ChangesetsPerDataset 2
        $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Prices') -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE'; traded = 'DATE' })
        $bucket = 's3://finspace-emulator-working/finspace/ingestion'
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'Get-FSChangeset' {
        It 'Get-FSDataset | Get-FSChangeset lists every changeset of every dataset' {
            $expected = [int] (Get-FSEmulatorState -Emulator $emulator).changesets
            $expected | Should -BeGreaterOrEqual 6
            $datasetIds = @(Get-FSDataset | ForEach-Object { $_.DatasetId })

            $changesets = @(Get-FSDataset | Get-FSChangeset)

            $changesets | Should -HaveCount $expected
            $changesets[0] | Should -BeOfType 'FinSpace.Management.Changeset'
            foreach ($changeset in $changesets) {
                $datasetIds | Should -Contain $changeset.DatasetId
            }
        }

        It 'gets changesets by id, and Get-FSChangeset | Get-FSChangeset binds both ids by property name' {
            $listed = @(Get-FSChangeset -DatasetId $dataset.DatasetId)
            $created = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath "$bucket/byid.csv" -FormatType CSV
            $byId = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $created.ChangesetId
            $byId.ChangesetId | Should -BeExactly $created.ChangesetId
            $byId.DatasetId | Should -BeExactly $dataset.DatasetId

            $all = @(Get-FSChangeset -DatasetId $dataset.DatasetId)
            $all | Should -HaveCount ($listed.Count + 1)
            $again = @(Get-FSChangeset -DatasetId $dataset.DatasetId | Get-FSChangeset)
            ($again.ChangesetId -join ',') | Should -BeExactly ($all.ChangesetId -join ',')
        }

        It 'reports a missing dataset or changeset as ObjectNotFound with the id as TargetObject' {
            $missingDataset = New-FSMissingId
            $missingChangeset = New-FSMissingId
            $null = Get-FSChangeset -DatasetId $missingDataset -ErrorAction SilentlyContinue -ErrorVariable listProblems
            $null = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $missingChangeset -ErrorAction SilentlyContinue -ErrorVariable getProblems

            $listProblems | Should -HaveCount 1
            $listProblems[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,FinSpace.PowerShell.Commands.GetFSChangesetCommand'
            $listProblems[0].TargetObject | Should -BeExactly $missingDataset
            $getProblems | Should -HaveCount 1
            [string] $getProblems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $getProblems[0].TargetObject | Should -BeExactly $missingChangeset
        }
    }

    Context 'New-FSChangeset' {
        It 'takes the dataset from the pipeline and describes the source and format' {
            $source = "$bucket/$(New-FSTestName -Prefix 'prices').csv"
            $changeset = $dataset | New-FSChangeset -ChangeType replace -SourcePath $source -FormatType csv -WithHeader -Separator ','

            $changeset | Should -HaveCount 1
            $changeset | Should -BeOfType 'FinSpace.Management.Changeset'
            $changeset.DatasetId | Should -BeExactly $dataset.DatasetId
            $changeset.ChangeType | Should -BeExactly 'REPLACE'
            $changeset.Status | Should -BeIn @('PENDING', 'RUNNING', 'SUCCESS')
            $changeset.SourceParams['s3SourcePath'] | Should -BeExactly $source
            $changeset.SourceParams['sourceType'] | Should -BeExactly 'S3'
            $changeset.FormatParams['formatType'] | Should -BeExactly 'CSV'
            $changeset.FormatParams['withHeader'] | Should -BeExactly 'true'
            $changeset.FormatParams['separator'] | Should -BeExactly ','
        }

        It 'lets typed parameters win over the -SourceParameter / -FormatParameter escape hatches' {
            $source = "$bucket/$(New-FSTestName -Prefix 'hatch').csv"
            $changeset = New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType APPEND `
                -SourceParameter @{ s3SourcePath = $source } `
                -FormatType CSV -FormatParameter @{ formatType = 'JSON'; quoteChar = "'"; withHeader = $true } `
                -WithHeader:$false -Compression gzip

            $changeset.SourceParams['s3SourcePath'] | Should -BeExactly $source
            $changeset.FormatParams['formatType'] | Should -BeExactly 'CSV'
            $changeset.FormatParams['quoteChar'] | Should -BeExactly "'"
            $changeset.FormatParams['withHeader'] | Should -BeExactly 'false'
            $changeset.FormatParams['compression'] | Should -BeExactly 'GZIP'
        }

        It 'needs a source path and a format type, and says so before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $null = New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType REPLACE -FormatType CSV -ErrorAction SilentlyContinue -ErrorVariable noSource
            $null = New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType REPLACE -SourcePath "$bucket/x.csv" -ErrorAction SilentlyContinue -ErrorVariable noFormat

            $noSource | Should -HaveCount 1
            $noSource[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidArgument,FinSpace.PowerShell.Commands.NewFSChangesetCommand'
            $noSource[0].Exception.ParamName | Should -BeExactly 'SourcePath'
            $noSource[0].TargetObject | Should -BeExactly $dataset.DatasetId
            $noFormat | Should -HaveCount 1
            $noFormat[0].Exception.ParamName | Should -BeExactly 'FormatType'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'rejects values outside the ValidateSets and a source that is not s3://' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType OVERWRITE -SourcePath "$bucket/x.csv" -FormatType CSV } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSChangesetCommand'
            { New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType REPLACE -SourcePath "$bucket/x.csv" -FormatType XLSX } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSChangesetCommand'
            { New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType REPLACE -SourcePath 'C:\data\x.csv' -FormatType CSV } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSChangesetCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It '-WhatIf sends nothing' {
            $before = (Get-FSEmulatorState -Emulator $emulator).changesets
            Reset-FSEmulatorCounter -Emulator $emulator
            $output = @($dataset | New-FSChangeset -ChangeType REPLACE -SourcePath "$bucket/whatif.csv" -FormatType CSV -WhatIf)
            $output | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSEmulatorState -Emulator $emulator).changesets | Should -Be $before
        }
    }

    Context 'Wait-FSChangeset' {
        It 'follows a piped changeset to SUCCESS and emits it once' {
            $final = @($dataset |
                    New-FSChangeset -ChangeType APPEND -SourcePath "$bucket/$(New-FSTestName -Prefix 'wait').csv" -FormatType CSV |
                    Wait-FSChangeset -PollIntervalSec 0.05 -TimeoutSec 60 -ErrorVariable waitProblems)

            $final | Should -HaveCount 1
            $final[0] | Should -BeOfType 'FinSpace.Management.Changeset'
            $final[0].Status | Should -BeExactly 'SUCCESS'
            $final[0].ActiveFromTime | Should -Not -BeNullOrEmpty
            $final[0].ErrorCategory | Should -BeNullOrEmpty
            $waitProblems | Should -HaveCount 0
        }

        It 'waits by -DatasetId and -ChangesetId' {
            $created = New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType APPEND -SourcePath "$bucket/byname.csv" -FormatType PARQUET
            $final = Wait-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $created.ChangesetId -PollIntervalSec 0.05
            $final.ChangesetId | Should -BeExactly $created.ChangesetId
            $final.Status | Should -BeExactly 'SUCCESS'
        }

        It 'emits a failed changeset and a ChangesetFailed error for the failure marker' {
            $failing = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://finspace-emulator-working/emulator-fail/prices.csv' -FormatType CSV

            $output = @($failing | Wait-FSChangeset -PollIntervalSec 0.05 -ErrorAction SilentlyContinue -ErrorVariable waitProblems)

            $output | Should -HaveCount 1
            $output[0].ChangesetId | Should -BeExactly $failing.ChangesetId
            $output[0].Status | Should -BeExactly 'FAILED'
            $output[0].ErrorCategory | Should -BeExactly 'USER_RECOVERABLE'
            $output[0].ErrorMessage | Should -Match 'emulator-fail'
            $waitProblems | Should -HaveCount 1
            $waitProblems[0].FullyQualifiedErrorId | Should -BeExactly 'ChangesetFailed,FinSpace.PowerShell.Commands.WaitFSChangesetCommand'
            [string] $waitProblems[0].CategoryInfo.Category | Should -BeExactly 'InvalidResult'
            $waitProblems[0].TargetObject | Should -BeExactly $failing.ChangesetId
            $waitProblems[0].Exception.Message | Should -Match 'FAILED'
        }

        It 'reports the failure category the marker asks for, and -ErrorAction Stop makes it catchable' {
            $failing = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://finspace-emulator-working/emulator-fail-ACCESS_DENIED/prices.csv' -FormatType CSV
            $caught = $null
            try {
                $null = $failing | Wait-FSChangeset -PollIntervalSec 0.05 -ErrorAction Stop
            }
            catch {
                $caught = $_
            }

            $caught | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $caught.FullyQualifiedErrorId | Should -BeExactly 'ChangesetFailed,FinSpace.PowerShell.Commands.WaitFSChangesetCommand'
            (Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $failing.ChangesetId).ErrorCategory | Should -BeExactly 'ACCESS_DENIED'
        }

        It 'gives up after -TimeoutSec with a WaitTimeout error and emits nothing' {
            # An emulator whose changesets stay PENDING for a minute; explicit connection parameters
            # on each call leave the session default alone.
            $slow = Start-FSEmulator -ArgumentList '--step-ms', '60000'
            try {
                $on = @{ EndpointUrl = $slow.Url; Region = $credential.Region; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey }
                $slowDataset = New-FSDataset -Title (New-FSTestName -Prefix 'Slow') @on
                $pending = $slowDataset | New-FSChangeset -ChangeType REPLACE -SourcePath "$bucket/slow.csv" -FormatType CSV @on

                $output = @($pending | Wait-FSChangeset -TimeoutSec 1 -PollIntervalSec 0.2 -ErrorAction SilentlyContinue -ErrorVariable problems @on)

                $output | Should -HaveCount 0
                $problems | Should -HaveCount 1
                $problems[0].FullyQualifiedErrorId | Should -BeExactly 'WaitTimeout,FinSpace.PowerShell.Commands.WaitFSChangesetCommand'
                [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'OperationTimeout'
                $problems[0].TargetObject | Should -BeExactly $pending.ChangesetId
            }
            finally {
                Stop-FSEmulator -Emulator $slow
            }
        }

        It 'reports a missing changeset as ObjectNotFound and emits nothing' {
            $missing = New-FSMissingId
            $output = @(Wait-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $missing -PollIntervalSec 0.05 -ErrorAction SilentlyContinue -ErrorVariable problems)
            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $missing
        }
    }

    Context 'Set-FSChangeset' {
        It 'supersedes the changeset, laying only the given keys over its source and format' {
            $source = "$bucket/$(New-FSTestName -Prefix 'original').csv"
            $original = $dataset | New-FSChangeset -ChangeType REPLACE -SourcePath $source -FormatType CSV -WithHeader |
                Wait-FSChangeset -PollIntervalSec 0.05

            Set-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $original.ChangesetId -FormatType JSON

            $superseded = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $original.ChangesetId
            $superseded.UpdatedByChangesetId | Should -Not -BeNullOrEmpty
            $replacement = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $superseded.UpdatedByChangesetId
            $replacement.UpdatesChangesetId | Should -BeExactly $original.ChangesetId
            $replacement.ChangeType | Should -BeExactly 'REPLACE'
            $replacement.FormatParams['formatType'] | Should -BeExactly 'JSON'
            $replacement.FormatParams['withHeader'] | Should -BeExactly 'true'
            $replacement.SourceParams['s3SourcePath'] | Should -BeExactly $source
            $replacement.SourceParams['sourceType'] | Should -BeExactly 'S3'
        }

        It '-PassThru emits the changeset that now holds the change' {
            $original = $dataset | New-FSChangeset -ChangeType REPLACE -SourcePath "$bucket/before.csv" -FormatType CSV |
                Wait-FSChangeset -PollIntervalSec 0.05
            $newSource = "$bucket/$(New-FSTestName -Prefix 'after').csv"

            $result = @(Set-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $original.ChangesetId -SourcePath $newSource -PassThru)

            $result | Should -HaveCount 1
            $result[0].SourceParams['s3SourcePath'] | Should -BeExactly $newSource -Because 'the emitted changeset should show the new source'
            $result[0].UpdatesChangesetId | Should -BeExactly $original.ChangesetId
            $result[0].ChangesetId | Should -Not -Be $original.ChangesetId
        }

        It 'takes the changeset from the pipeline (-InputObject)' {
            $original = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath "$bucket/piped.csv" -FormatType CSV |
                Wait-FSChangeset -PollIntervalSec 0.05
            $original | Set-FSChangeset -Compression snappy
            $superseded = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $original.ChangesetId
            $replacement = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $superseded.UpdatedByChangesetId
            $replacement.FormatParams['compression'] | Should -BeExactly 'SNAPPY'
            $replacement.FormatParams['formatType'] | Should -BeExactly 'CSV'
        }

        It 'refuses to run when nothing would change, before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { Set-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId 'anything' } |
                Should -Throw -ErrorId 'InvalidArgument,FinSpace.PowerShell.Commands.SetFSChangesetCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It '-WhatIf sends nothing' {
            $original = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath "$bucket/kept.csv" -FormatType CSV |
                Wait-FSChangeset -PollIntervalSec 0.05
            Reset-FSEmulatorCounter -Emulator $emulator
            $original | Set-FSChangeset -FormatType JSON -WhatIf
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $original.ChangesetId).UpdatedByChangesetId | Should -BeNullOrEmpty
        }
    }

    Context 'a dataset''s changesets go with it' {
        It 'Remove-FSDataset -Force removes the dataset''s changesets too' {
            $doomed = New-FSDataset -Title (New-FSTestName -Prefix 'Doomed')
            $null = $doomed | New-FSChangeset -ChangeType REPLACE -SourcePath "$bucket/doomed.csv" -FormatType CSV
            $before = [int] (Get-FSEmulatorState -Emulator $emulator).changesets

            Remove-FSDataset -DatasetId $doomed.DatasetId -Force

            (Get-FSEmulatorState -Emulator $emulator).changesets | Should -Be ($before - 1)
            $null = Get-FSChangeset -DatasetId $doomed.DatasetId -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        }
    }
}
