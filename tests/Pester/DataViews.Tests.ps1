# New-FSDataView, Get-FSDataView, Wait-FSDataView and Get-FSExternalDataViewAccessDetail.

Describe 'Dataviews' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator

        $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Prices') -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE'; traded = 'DATE' })
        $null = $dataset |
            New-FSChangeset -ChangeType REPLACE -SourcePath 's3://finspace-emulator-working/finspace/ingestion/prices.csv' -FormatType CSV -WithHeader |
            Wait-FSChangeset -PollIntervalSec 0.05
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    It 'New-FSDataView creates a Glue table dataview from a piped dataset, and Wait-FSDataView follows it to SUCCESS' {
        $view = $dataset | New-FSDataView

        $view | Should -HaveCount 1
        $view | Should -BeOfType 'FinSpace.Management.DataView'
        $view.DatasetId | Should -BeExactly $dataset.DatasetId
        $view.DestinationType | Should -BeExactly 'GLUE_TABLE'
        $view.AutoUpdate | Should -BeFalse
        $view.Status | Should -BeIn @('STARTING', 'RUNNING', 'SUCCESS')

        $final = @($view | Wait-FSDataView -PollIntervalSec 0.05 -TimeoutSec 60 -ErrorVariable waitProblems)
        $final | Should -HaveCount 1
        $final[0].DataViewId | Should -BeExactly $view.DataViewId
        $final[0].Status | Should -BeExactly 'SUCCESS'
        $waitProblems | Should -HaveCount 0
    }

    It 'creates an S3 export with its format, options, partitions, sort order, point in time and auto-update' {
        $asOf = [DateTime]::Now.AddHours(-1)
        $view = New-FSDataView -DatasetId $dataset.DatasetId -DestinationType s3 -ExportFileFormat delimited_text `
            -ExportFileFormatOption @{ header = $true; delimiter = ',' } -PartitionColumn traded -SortColumn ticker, price `
            -AsOf $asOf -AutoUpdate

        $view.DestinationType | Should -BeExactly 'S3'
        $view.ExportFileFormat | Should -BeExactly 'DELIMITED_TEXT'
        $view.ExportFileFormatOptions['header'] | Should -BeExactly 'true'
        $view.ExportFileFormatOptions['delimiter'] | Should -BeExactly ','
        ($view.PartitionColumns -join ',') | Should -BeExactly 'traded'
        ($view.SortColumns -join ',') | Should -BeExactly 'ticker,price'
        $view.AutoUpdate | Should -BeTrue
        [math]::Abs(($view.AsOfTime - $asOf).TotalSeconds) | Should -BeLessThan 1
    }

    It 'waits by -DatasetId and -DataViewId' {
        $view = New-FSDataView -DatasetId $dataset.DatasetId
        $final = Wait-FSDataView -DatasetId $dataset.DatasetId -DataViewId $view.DataViewId -PollIntervalSec 0.05
        $final.Status | Should -BeExactly 'SUCCESS'
    }

    It 'lists a dataset''s dataviews, from a piped dataset too, and gets them by id' {
        $created = New-FSDataView -DatasetId $dataset.DatasetId
        $listed = @(Get-FSDataView -DatasetId $dataset.DatasetId)
        $listed.DataViewId | Should -Contain $created.DataViewId
        $listed | Should -HaveCount ([int] (Get-FSEmulatorState -Emulator $emulator).dataViews)

        $fromPipeline = @(Get-FSDataset -DatasetId $dataset.DatasetId | Get-FSDataView)
        ($fromPipeline.DataViewId -join ',') | Should -BeExactly ($listed.DataViewId -join ',')

        $byId = Get-FSDataView -DatasetId $dataset.DatasetId -DataViewId $created.DataViewId
        $byId.DataViewId | Should -BeExactly $created.DataViewId

        $again = @(Get-FSDataView -DatasetId $dataset.DatasetId | Get-FSDataView)
        ($again.DataViewId -join ',') | Should -BeExactly ($listed.DataViewId -join ',')
    }

    It 'gets external access details with the secrets as SecureStrings' {
        $view = New-FSDataView -DatasetId $dataset.DatasetId -DestinationType S3 -ExportFileFormat PARQUET
        $before = [DateTime]::Now

        $detail = $view | Get-FSExternalDataViewAccessDetail

        $detail | Should -HaveCount 1
        $detail | Should -BeOfType 'FinSpace.Management.DataViewAccessDetail'
        $detail.DatasetId | Should -BeExactly $dataset.DatasetId
        $detail.DataViewId | Should -BeExactly $view.DataViewId
        $detail.S3Bucket | Should -BeExactly 'finspace-emulator-working'
        $detail.S3Uri | Should -BeExactly ('s3://finspace-emulator-working/finspace/dataviews/{0}/{1}/' -f $dataset.DatasetId, $view.DataViewId)
        $detail.AccessKeyId | Should -Match '^ASIA'
        $detail.SecretAccessKey | Should -BeOfType ([System.Security.SecureString])
        $detail.SessionToken | Should -BeOfType ([System.Security.SecureString])
        $detail.Expiration | Should -BeGreaterThan $before

        $shown = $detail | Format-Table | Out-String -Width 400
        $shown.Contains((ConvertFrom-FSSecureString -SecureString $detail.SecretAccessKey)) | Should -BeFalse
    }

    It 'gets external access details as plain text with -AsPlainText' {
        $view = New-FSDataView -DatasetId $dataset.DatasetId -DestinationType S3 -ExportFileFormat PARQUET
        $detail = Get-FSExternalDataViewAccessDetail -DatasetId $dataset.DatasetId -DataViewId $view.DataViewId -AsPlainText

        $detail | Should -BeOfType 'FinSpace.Management.PlainTextDataViewAccessDetail'
        $detail.SecretAccessKey | Should -BeOfType ([string])
        $detail.SecretAccessKey | Should -Not -BeNullOrEmpty
        $detail.SessionToken | Should -BeOfType ([string])
        # Asked to see them: the default view shows the secrets whole.
        $shown = ConvertTo-FSPlainText -Text ($detail | Out-String -Width 120)
        $shown.Contains($detail.SecretAccessKey) | Should -BeTrue
        ($shown -replace '\s', '').Contains($detail.SessionToken) | Should -BeTrue
    }

    It 'rejects export options on a Glue table before sending anything' {
        Reset-FSEmulatorCounter -Emulator $emulator
        $output = @(New-FSDataView -DatasetId $dataset.DatasetId -ExportFileFormat PARQUET -ErrorAction SilentlyContinue -ErrorVariable problems)
        $output | Should -HaveCount 0
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeExactly 'InvalidArgument,FinSpace.PowerShell.Commands.NewFSDataViewCommand'
        $problems[0].Exception.ParamName | Should -BeExactly 'ExportFileFormat'
        $problems[0].TargetObject | Should -BeExactly $dataset.DatasetId
        { New-FSDataView -DatasetId $dataset.DatasetId -DestinationType REDSHIFT } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSDataViewCommand'
        Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
    }

    It '-WhatIf sends nothing' {
        $before = (Get-FSEmulatorState -Emulator $emulator).dataViews
        Reset-FSEmulatorCounter -Emulator $emulator
        $output = @($dataset | New-FSDataView -DestinationType S3 -ExportFileFormat PARQUET -WhatIf)
        $output | Should -HaveCount 0
        Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        (Get-FSEmulatorState -Emulator $emulator).dataViews | Should -Be $before
    }

    It 'reports a missing dataview as ObjectNotFound with the id as TargetObject' {
        $missing = New-FSMissingId
        $null = Get-FSDataView -DatasetId $dataset.DatasetId -DataViewId $missing -ErrorAction SilentlyContinue -ErrorVariable getProblems
        $null = Wait-FSDataView -DatasetId $dataset.DatasetId -DataViewId $missing -PollIntervalSec 0.05 -ErrorAction SilentlyContinue -ErrorVariable waitProblems
        $null = Get-FSExternalDataViewAccessDetail -DatasetId $dataset.DatasetId -DataViewId $missing -ErrorAction SilentlyContinue -ErrorVariable accessProblems

        foreach ($problems in @($getProblems, $waitProblems, $accessProblems)) {
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFoundException,*'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $missing
        }
    }
}
