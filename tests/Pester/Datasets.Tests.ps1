# New-FSDataset, Get-FSDataset, Set-FSDataset and Remove-FSDataset against the emulator: schemas,
# streaming across pages, early stop, partial updates, -Force / -Confirm:$false / -WhatIf.

Describe 'Datasets' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        # More than a page at the service's default size of 100, to show paging.
        $null = Add-FSEmulatorSeed -Emulator $emulator -Datasets 105
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'New-FSDataset' {
        It 'creates a tabular dataset from an ordered schema and emits it as the service describes it' {
            $title = New-FSTestName -Prefix 'Equities'
            $alias = 'alias/' + (New-FSTestName -Prefix 'equities')
            $dataset = New-FSDataset -Title $title -Description 'Daily prices' -Alias $alias `
                -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE'; traded = 'DATE' }) -PrimaryKey ticker `
                -OwnerName 'Ana Analyst' -OwnerEmail 'ana@example.com'

            $dataset | Should -HaveCount 1
            $dataset | Should -BeOfType 'FinSpace.Management.Dataset'
            $dataset.DatasetId | Should -Not -BeNullOrEmpty
            $dataset.Title | Should -BeExactly $title
            $dataset.Kind | Should -BeExactly 'TABULAR'
            $dataset.Alias | Should -BeExactly $alias
            $dataset.Description | Should -BeExactly 'Daily prices'
            ($dataset.Schema.Columns.Name -join ',') | Should -BeExactly 'ticker,price,traded'
            ($dataset.Schema.Columns.DataType -join ',') | Should -BeExactly 'STRING,DOUBLE,DATE'
            ($dataset.Schema.PrimaryKeyColumns -join ',') | Should -BeExactly 'ticker'
            $dataset.Status | Should -BeIn @('PENDING', 'RUNNING', 'SUCCESS')
            $dataset.DatasetArn | Should -BeLikeExactly "arn:aws:finspace:*:dataset/$($dataset.DatasetId)"

            # GetDataset carries no owner; the list does.
            $listed = @(Get-FSDataset | Where-Object { $_.DatasetId -ceq $dataset.DatasetId })
            $listed | Should -HaveCount 1
            $listed[0].Owner.Name | Should -BeExactly 'Ana Analyst'
            $listed[0].Owner.Email | Should -BeExactly 'ana@example.com'
        }

        It 'creates a NON_TABULAR dataset without a schema (-Kind is case-insensitive)' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Documents') -Kind non_tabular
            $dataset.Kind | Should -BeExactly 'NON_TABULAR'
            $dataset.Schema | Should -BeNullOrEmpty
        }

        It 'takes columns as objects or dictionaries with Name, DataType and Description' {
            $columns = @(
                [pscustomobject]@{ Name = 'ticker'; DataType = 'string'; Description = 'Exchange symbol' }
                @{ ColumnName = 'close'; Type = 'double' }
            )
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Columns') -Schema $columns
            ($dataset.Schema.Columns.Name -join ',') | Should -BeExactly 'ticker,close'
            ($dataset.Schema.Columns.DataType -join ',') | Should -BeExactly 'STRING,DOUBLE'
            $dataset.Schema.Columns[0].Description | Should -BeExactly 'Exchange symbol'
        }

        It 'takes another dataset''s Schema as -Schema' {
            $source = New-FSDataset -Title (New-FSTestName -Prefix 'Source') -Schema ([ordered]@{ id = 'INTEGER'; label = 'STRING' }) -PrimaryKey id
            $copy = New-FSDataset -Title (New-FSTestName -Prefix 'Copy') -Schema $source.Schema
            ($copy.Schema.Columns.Name -join ',') | Should -BeExactly 'id,label'
            ($copy.Schema.Columns.DataType -join ',') | Should -BeExactly 'INTEGER,STRING'
            ($copy.Schema.PrimaryKeyColumns -join ',') | Should -BeExactly 'id'
        }

        It 'accepts a name-to-type schema whose columns are called name and type' {
            # A natural schema for instruments; it must not be mistaken for a single column definition.
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Instruments') -ErrorAction Stop `
                -Schema ([ordered]@{ name = 'STRING'; type = 'STRING'; price = 'DOUBLE' })
            ($dataset.Schema.Columns.Name -join ',') | Should -BeExactly 'name,type,price'
        }

        It 'rejects an unknown column type naming -Schema, before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $title = New-FSTestName -Prefix 'BadType'
            $output = @(New-FSDataset -Title $title -Schema @{ price = 'NOPE' } -ErrorAction SilentlyContinue -ErrorVariable problems)

            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidArgument,FinSpace.PowerShell.Commands.NewFSDatasetCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'InvalidArgument'
            $problems[0].TargetObject | Should -BeExactly $title
            $problems[0].Exception.ParamName | Should -BeExactly 'Schema'
            $problems[0].ToString() | Should -Match '-Schema'
            $problems[0].ToString() | Should -Match 'NOPE'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'rejects -PrimaryKey without -Schema, and -Schema on a NON_TABULAR dataset, before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $null = New-FSDataset -Title (New-FSTestName -Prefix 'NoSchema') -PrimaryKey id -ErrorAction SilentlyContinue -ErrorVariable keyProblems
            $null = New-FSDataset -Title (New-FSTestName -Prefix 'Files') -Kind NON_TABULAR -Schema @{ id = 'STRING' } -ErrorAction SilentlyContinue -ErrorVariable kindProblems

            $keyProblems | Should -HaveCount 1
            $keyProblems[0].Exception.ParamName | Should -BeExactly 'PrimaryKey'
            $kindProblems | Should -HaveCount 1
            $kindProblems[0].Exception.ParamName | Should -BeExactly 'Schema'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'rejects a -PrimaryKey that is not a column' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $null = New-FSDataset -Title (New-FSTestName -Prefix 'Key') -Schema @{ id = 'STRING' } -PrimaryKey code -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems | Should -HaveCount 1
            $problems[0].Exception.ParamName | Should -BeExactly 'PrimaryKey'
            $problems[0].ToString() | Should -Match 'code'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'rejects a -Kind outside its ValidateSet before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { New-FSDataset -Title 'Spreadsheet' -Kind 'SPREADSHEET' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSDatasetCommand'
            { New-FSDataset -Title 'Aliased' -Alias 'equities' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSDatasetCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'rejects a title the service model forbids before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $title = 't' * 256
            $null = New-FSDataset -Title $title -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidRequest,FinSpace.PowerShell.Commands.NewFSDatasetCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'InvalidArgument'
            $problems[0].ToString() | Should -Match 'datasetTitle'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'grants a permission group dataset permissions, and reports a missing group as ObjectNotFound' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'readers') -ApplicationPermission ViewAuditData
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Shared') -PermissionGroupId $group.PermissionGroupId `
                -DatasetPermission ViewDatasetDetails, ReadDatasetDetails, CreateDataView
            $dataset.DatasetId | Should -Not -BeNullOrEmpty

            $title = New-FSTestName -Prefix 'Orphan'
            $output = @(New-FSDataset -Title $title -PermissionGroupId (New-FSMissingId) -DatasetPermission ViewDatasetDetails -ErrorAction SilentlyContinue -ErrorVariable problems)
            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $title
            { New-FSDataset -Title $title -DatasetPermission ReadEverything } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSDatasetCommand'
        }

        It 'reports a taken alias as a non-terminating ResourceExists error' {
            $alias = 'alias/' + (New-FSTestName -Prefix 'taken')
            $null = New-FSDataset -Title (New-FSTestName -Prefix 'First') -Alias $alias
            $title = New-FSTestName -Prefix 'Second'
            $output = @(New-FSDataset -Title $title -Alias $alias -ErrorAction SilentlyContinue -ErrorVariable problems)
            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'ConflictException,FinSpace.PowerShell.Commands.NewFSDatasetCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ResourceExists'
            $problems[0].TargetObject | Should -BeExactly $title
        }

        It '-WhatIf sends nothing and creates nothing' {
            $before = (Get-FSEmulatorState -Emulator $emulator).datasets
            Reset-FSEmulatorCounter -Emulator $emulator
            $output = @(New-FSDataset -Title (New-FSTestName -Prefix 'WhatIf') -Schema @{ id = 'STRING' } -WhatIf)
            $output | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSEmulatorState -Emulator $emulator).datasets | Should -Be $before
        }
    }

    Context 'Get-FSDataset' {
        It 'streams every dataset across pages' {
            $expected = [int] (Get-FSEmulatorState -Emulator $emulator).datasets
            $expected | Should -BeGreaterThan 100
            Reset-FSEmulatorCounter -Emulator $emulator

            $all = @(Get-FSDataset -MaxResults 10)

            $all | Should -HaveCount $expected
            Test-FSSameSet -Expected $all.DatasetId -Actual $all.DatasetId | Should -BeTrue -Because 'no dataset may come twice'
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be ([math]::Ceiling($expected / 10))
        }

        It 'reads every page at the default page size too' {
            $expected = [int] (Get-FSEmulatorState -Emulator $emulator).datasets
            Reset-FSEmulatorCounter -Emulator $emulator
            @(Get-FSDataset) | Should -HaveCount $expected
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be ([math]::Ceiling($expected / 100))
        }

        It 'Select-Object -First 5 with -MaxResults 2 requests only the three pages it needs' {
            (Get-FSEmulatorState -Emulator $emulator).datasets | Should -BeGreaterThan 100
            Reset-FSEmulatorCounter -Emulator $emulator

            $first = @(Get-FSDataset -MaxResults 2 | Select-Object -First 5)

            $first | Should -HaveCount 5
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 3
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 3
        }

        It 'gets datasets by id, from the pipeline by value and by property name' {
            $a = New-FSDataset -Title (New-FSTestName -Prefix 'ById')
            $b = New-FSDataset -Title (New-FSTestName -Prefix 'ById')

            (Get-FSDataset -DatasetId $a.DatasetId).Title | Should -BeExactly $a.Title
            (Get-FSDataset $b.DatasetId).Title | Should -BeExactly $b.Title

            $byValue = @($a.DatasetId, $b.DatasetId | Get-FSDataset)
            ($byValue.DatasetId -join ',') | Should -BeExactly "$($a.DatasetId),$($b.DatasetId)"

            $byProperty = @([pscustomobject]@{ DatasetId = $b.DatasetId } | Get-FSDataset)
            $byProperty | Should -HaveCount 1
            $byProperty[0].DatasetId | Should -BeExactly $b.DatasetId
            $byProperty[0].Status | Should -BeIn @('PENDING', 'RUNNING', 'SUCCESS')
        }

        It 'rejects a -MaxResults outside 1..100' {
            { Get-FSDataset -MaxResults 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
            { Get-FSDataset -MaxResults 101 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
        }
    }

    Context 'Set-FSDataset' {
        It 'changes only the properties given' {
            $title = New-FSTestName -Prefix 'Partial'
            $alias = 'alias/' + (New-FSTestName -Prefix 'partial')
            $dataset = New-FSDataset -Title $title -Description 'before' -Alias $alias `
                -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE' }) -PrimaryKey ticker

            $updated = Set-FSDataset -DatasetId $dataset.DatasetId -Description 'after' -PassThru

            $updated | Should -HaveCount 1
            $updated.Description | Should -BeExactly 'after'
            $updated.Title | Should -BeExactly $title
            $updated.Alias | Should -BeExactly $alias
            $updated.Kind | Should -BeExactly 'TABULAR'
            ($updated.Schema.Columns.Name -join ',') | Should -BeExactly 'ticker,price'
            ($updated.Schema.PrimaryKeyColumns -join ',') | Should -BeExactly 'ticker'
            (Get-FSDataset -DatasetId $dataset.DatasetId).Description | Should -BeExactly 'after'
        }

        It 'emits nothing without -PassThru' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Quiet')
            $newTitle = New-FSTestName -Prefix 'Renamed'
            $output = @(Set-FSDataset -DatasetId $dataset.DatasetId -Title $newTitle)
            $output | Should -HaveCount 0
            (Get-FSDataset -DatasetId $dataset.DatasetId).Title | Should -BeExactly $newTitle
        }

        It 'takes the dataset from the pipeline (-InputObject)' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Piped') -Description 'kept'
            $newTitle = New-FSTestName -Prefix 'PipedRenamed'
            $updated = Get-FSDataset -DatasetId $dataset.DatasetId | Set-FSDataset -Title $newTitle -PassThru
            $updated.DatasetId | Should -BeExactly $dataset.DatasetId
            $updated.Title | Should -BeExactly $newTitle
            $updated.Description | Should -BeExactly 'kept'
        }

        It 'replaces the schema with -Schema' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Reshaped') -Schema @{ old = 'STRING' }
            $updated = Set-FSDataset -DatasetId $dataset.DatasetId -Schema ([ordered]@{ code = 'STRING'; volume = 'BIGINT' }) -PrimaryKey code -PassThru
            ($updated.Schema.Columns.Name -join ',') | Should -BeExactly 'code,volume'
            ($updated.Schema.PrimaryKeyColumns -join ',') | Should -BeExactly 'code'
            $updated.Title | Should -BeExactly $dataset.Title
        }

        It 'refuses to run when nothing would change, before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { Set-FSDataset -DatasetId 'anything' } | Should -Throw -ErrorId 'InvalidArgument,FinSpace.PowerShell.Commands.SetFSDatasetCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It '-WhatIf sends nothing and changes nothing' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Unchanged') -Description 'original'
            Reset-FSEmulatorCounter -Emulator $emulator
            $output = @(Set-FSDataset -DatasetId $dataset.DatasetId -Description 'changed' -PassThru -WhatIf)
            $output | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSDataset -DatasetId $dataset.DatasetId).Description | Should -BeExactly 'original'
        }
    }

    Context 'Remove-FSDataset' {
        It 'deletes without prompting with -Force (non-interactive run)' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Doomed')
            $output = @(Remove-FSDataset -DatasetId $dataset.DatasetId -Force)
            $output | Should -HaveCount 0

            $gone = @(Get-FSDataset -DatasetId $dataset.DatasetId -ErrorAction SilentlyContinue -ErrorVariable lookup)
            $gone | Should -HaveCount 0
            $lookup | Should -HaveCount 1
            $lookup[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
        }

        It 'deletes piped datasets with -Confirm:$false' {
            $a = New-FSDataset -Title (New-FSTestName -Prefix 'DoomedA')
            $b = New-FSDataset -Title (New-FSTestName -Prefix 'DoomedB')
            Get-FSDataset -DatasetId $a.DatasetId, $b.DatasetId | Remove-FSDataset -Confirm:$false
            $remaining = @(Get-FSDataset | Where-Object { $_.DatasetId -ceq $a.DatasetId -or $_.DatasetId -ceq $b.DatasetId })
            $remaining | Should -HaveCount 0
        }

        It '-PassThru emits each dataset as it was just before deletion' {
            $byId = New-FSDataset -Title (New-FSTestName -Prefix 'Remembered') -Description 'last words'
            $removed = Remove-FSDataset -DatasetId $byId.DatasetId -Force -PassThru
            $removed | Should -BeOfType 'FinSpace.Management.Dataset'
            $removed.DatasetId | Should -BeExactly $byId.DatasetId
            $removed.Description | Should -BeExactly 'last words'

            $piped = New-FSDataset -Title (New-FSTestName -Prefix 'RememberedPiped')
            $removedPiped = $piped | Remove-FSDataset -Force -PassThru
            $removedPiped.DatasetId | Should -BeExactly $piped.DatasetId
            $removedPiped.Title | Should -BeExactly $piped.Title
        }

        It 'reports a missing id as a non-terminating ObjectNotFound error and goes on' {
            $kept = New-FSDataset -Title (New-FSTestName -Prefix 'Survivor')
            $doomed = New-FSDataset -Title (New-FSTestName -Prefix 'DoomedToo')
            $missing = New-FSMissingId
            Remove-FSDataset -DatasetId $missing, $doomed.DatasetId -Force -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems | Should -HaveCount 1
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $missing
            $ids = @(Get-FSDataset | ForEach-Object { $_.DatasetId })
            $ids | Should -Not -Contain $doomed.DatasetId
            $ids | Should -Contain $kept.DatasetId
        }

        It '-WhatIf sends nothing and deletes nothing, even with -Force' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Spared')
            Reset-FSEmulatorCounter -Emulator $emulator
            Remove-FSDataset -DatasetId $dataset.DatasetId -WhatIf
            Remove-FSDataset -DatasetId $dataset.DatasetId -Force -WhatIf
            $dataset | Remove-FSDataset -WhatIf
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSDataset -DatasetId $dataset.DatasetId).DatasetId | Should -BeExactly $dataset.DatasetId
        }

        It '-Force answers the prompt but never a What-if run ($WhatIfPreference, or a function''s -WhatIf)' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'SparedByPreference')
            function Remove-FSTestDataset {
                [CmdletBinding(SupportsShouldProcess)]
                param([string] $Id)
                Remove-FSDataset -DatasetId $Id -Force
            }

            Reset-FSEmulatorCounter -Emulator $emulator
            $WhatIfPreference = $true
            try {
                Remove-FSDataset -DatasetId $dataset.DatasetId -Force
            }
            finally {
                $WhatIfPreference = $false
            }

            Remove-FSTestDataset -Id $dataset.DatasetId -WhatIf

            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSDataset -DatasetId $dataset.DatasetId).DatasetId | Should -BeExactly $dataset.DatasetId
        }
    }
}
