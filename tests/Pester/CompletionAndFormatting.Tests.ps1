# Tab completion of ids and regions through TabExpansion2 (what the console asks for on Tab), the
# hand-written views in FinSpace.Format.ps1xml, and objects leaving PowerShell as JSON and CSV.

Describe 'Completion, views and serialization' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $credential = Get-FSEmulatorCredential

        # Fewer than 100 of each, so the first page that completion reads holds them all.
        $datasetA = New-FSDataset -Title (New-FSTestName -Prefix 'CompletionA') -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE' }) -PrimaryKey ticker
        $datasetB = New-FSDataset -Title (New-FSTestName -Prefix 'CompletionB')
        $sourceA = 's3://finspace-emulator-working/finspace/ingestion/a.csv'
        $changesetA = $datasetA | New-FSChangeset -ChangeType REPLACE -SourcePath $sourceA -FormatType CSV -WithHeader
        $changesetB = $datasetB | New-FSChangeset -ChangeType REPLACE -SourcePath 's3://finspace-emulator-working/finspace/ingestion/b.csv' -FormatType CSV
        $viewA = $datasetA | New-FSDataView
        $user = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Ada' -LastName 'Lovelace' -ApiAccess ENABLED
        $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'completion') -ApplicationPermission CreateDataset, AccessNotebooks
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'tab completion' {
        It 'completes -DatasetId with the ids of the service''s datasets' {
            $texts = @(Get-FSCompletionText -InputScript 'Get-FSDataset -DatasetId ')
            $texts | Should -Contain $datasetA.DatasetId
            $texts | Should -Contain $datasetB.DatasetId
        }

        It 'narrows -DatasetId completions to what was typed' {
            $prefix = $datasetA.DatasetId.Substring(0, 8)
            $texts = @(Get-FSCompletionText -InputScript "Remove-FSDataset -DatasetId $prefix")
            $texts | Should -Contain $datasetA.DatasetId
            foreach ($text in $texts) {
                $text.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase) | Should -BeTrue -Because "$text was offered for $prefix"
            }
        }

        It 'completes -ChangesetId only with the changesets of the -DatasetId already typed' {
            $forA = @(Get-FSCompletionText -InputScript "Get-FSChangeset -DatasetId '$($datasetA.DatasetId)' -ChangesetId ")
            $forA | Should -Contain $changesetA.ChangesetId
            $forA | Should -Not -Contain $changesetB.ChangesetId

            $forB = @(Get-FSCompletionText -InputScript "Wait-FSChangeset -DatasetId '$($datasetB.DatasetId)' -ChangesetId ")
            $forB | Should -Contain $changesetB.ChangesetId
            $forB | Should -Not -Contain $changesetA.ChangesetId
        }

        It 'completes -DataViewId within the typed -DatasetId' {
            $texts = @(Get-FSCompletionText -InputScript "Get-FSDataView -DatasetId '$($datasetA.DatasetId)' -DataViewId ")
            $texts | Should -Contain $viewA.DataViewId
        }

        It 'completes -UserId and -PermissionGroupId' {
            @(Get-FSCompletionText -InputScript 'Get-FSUser -UserId ') | Should -Contain $user.UserId
            @(Get-FSCompletionText -InputScript 'Get-FSPermissionGroup -PermissionGroupId ') | Should -Contain $group.PermissionGroupId
            $line = "Add-FSUserToPermissionGroup -PermissionGroupId '$($group.PermissionGroupId)' -UserId "
            @(Get-FSCompletionText -InputScript $line) | Should -Contain $user.UserId
        }

        It 'completes -Region with the SDK''s region names' {
            $texts = @(Get-FSCompletionText -InputScript 'Get-FSDataset -Region us-ea')
            $texts | Should -Contain 'us-east-1'
            $texts | Should -Contain 'us-east-2'
            foreach ($text in $texts) {
                $text | Should -BeLike 'us-ea*'
            }
        }

        It 'uses the connection parameters typed on the line when there is no session default' {
            Disconnect-FSEnvironment
            try {
                $line = "Get-FSDataset -EndpointUrl '$($emulator.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)' -DatasetId "
                @(Get-FSCompletionText -InputScript $line) | Should -Contain $datasetB.DatasetId
            }
            finally {
                Connect-FSEnvironment -EndpointUrl $emulator.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
            }
        }
    }

    Context 'completion with the connection of $PSDefaultParameterValues, across pages, profiles and regions' {
        BeforeAll {
            $profileFile = Join-Path ([System.IO.Path]::GetTempPath()) ('finspace-completion-profiles-' + [guid]::NewGuid().ToString('N'))
            Set-Content -LiteralPath $profileFile -Encoding utf8 -Value @(
                '[finspace-emulator]'
                "aws_access_key_id = $($credential.AccessKey)"
                "aws_secret_access_key = $($credential.SecretKey)"
                ''
                '[finspace-other]'
                'aws_access_key_id = AKIAOTHER00000000001'
                'aws_secret_access_key = other'
            )
            $savedDefaults = $global:PSDefaultParameterValues.Clone()
        }

        AfterEach {
            $global:PSDefaultParameterValues.Clear()
            foreach ($key in $savedDefaults.Keys) {
                $global:PSDefaultParameterValues[$key] = $savedDefaults[$key]
            }

            Connect-FSEnvironment -EndpointUrl $emulator.Url -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -Region $credential.Region
        }

        AfterAll {
            Remove-Item -LiteralPath $profileFile -Force -ErrorAction SilentlyContinue
        }

        It 'completes ids with the endpoint, region and keys that $PSDefaultParameterValues gives, as the command will run' {
            Disconnect-FSEnvironment
            $global:PSDefaultParameterValues['*-FS*:EndpointUrl'] = $emulator.Url
            $global:PSDefaultParameterValues['*-FS*:Region'] = $credential.Region
            $global:PSDefaultParameterValues['*-FS*:AK'] = $credential.AccessKey
            $global:PSDefaultParameterValues['Get-FSDataset:SecretKey'] = $credential.SecretKey

            @(Get-FSCompletionText -InputScript 'Get-FSDataset -DatasetId ') | Should -Contain $datasetA.DatasetId
            @(Get-FSDataset -DatasetId $datasetA.DatasetId).DatasetId | Should -BeExactly $datasetA.DatasetId -Because 'the command itself binds the same defaults'
            @(Get-FSCompletionText -InputScript 'Get-FSUser -UserId ') | Should -HaveCount 0 -Because 'the secret key is a default for Get-FSDataset only'
        }

        It 'completes ids with the profile and profile file that $PSDefaultParameterValues names' {
            Disconnect-FSEnvironment
            $global:PSDefaultParameterValues['*-FS*:EndpointUrl'] = $emulator.Url
            $global:PSDefaultParameterValues['*-FS*:ProfileLocation'] = $profileFile
            $global:PSDefaultParameterValues['*-FS*:ProfileName'] = 'finspace-emulator'

            @(Get-FSCompletionText -InputScript 'Get-FSUser -UserId ') | Should -Contain $user.UserId
        }

        It '-ProfileName completes the profiles of the file that -ProfileLocation names' {
            $texts = @(Get-FSCompletionText -InputScript "Get-FSDataset -ProfileLocation '$profileFile' -ProfileName finspace-")
            ($texts -join ',') | Should -BeExactly 'finspace-emulator,finspace-other'
            @(Get-FSCompletionText -InputScript "Get-FSDataset -ProfileLocation '$profileFile' -ProfileName finspace-o") | Should -Be @('finspace-other')
        }

        It '-Region offers regions, not endpoint variants such as us-east-1-regional' {
            $texts = @(Get-FSCompletionText -InputScript 'Get-FSDataset -Region us-east-1')
            $texts | Should -Contain 'us-east-1'
            $texts | Should -Not -Contain 'us-east-1-regional'
        }

        It 'finds ids beyond the first page, by id start or by e-mail' {
            $many = Start-FSEmulator
            try {
                Add-FSEmulatorSeed -Emulator $many -Users 250
                $on = "-EndpointUrl '$($many.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'"
                $last = Invoke-Expression "Get-FSUser $on" | Select-Object -Last 1

                @(Get-FSCompletionText -InputScript "Get-FSUser $on -UserId ") | Should -HaveCount 100 -Because 'an empty word offers one page'
                @(Get-FSCompletionText -InputScript "Get-FSUser $on -UserId $($last.UserId.Substring(0, 10))") | Should -Contain $last.UserId
                $mailbox = $last.EmailAddress.Split('@')[0]
                @(Get-FSCompletionText -InputScript "Remove-FSUserFromPermissionGroup $on -PermissionGroupId x -UserId $mailbox") | Should -Contain $last.UserId
            }
            finally {
                Stop-FSEmulator -Emulator $many
            }
        }
    }

    Context 'views' {
        It 'Get-FSDataset | Format-Table shows the dataset view''s columns' {
            $text = Get-FSDataset | Format-Table | Out-String -Width 400
            Get-FSTableHeader -Text $text | Should -BeExactly 'DatasetId Title Kind Alias Status CreateTime'
            $text | Should -Match ([regex]::Escape($datasetA.DatasetId))
            $text | Should -Match ([regex]::Escape($datasetA.Title))
        }

        It 'uses the table view by default and the list view for Format-List' {
            $default = Get-FSDataset -DatasetId $datasetA.DatasetId | Out-String -Width 400
            Get-FSTableHeader -Text $default | Should -BeExactly 'DatasetId Title Kind Alias Status CreateTime'

            $list = ConvertTo-FSPlainText -Text (Get-FSDataset -DatasetId $datasetA.DatasetId | Format-List | Out-String -Width 400)
            $list | Should -Match '(?m)^DatasetArn\s+:'
            $list | Should -Match '(?m)^Schema\s+: ticker:STRING, price:DOUBLE \(key: ticker\)'
        }

        It 'shows changesets, dataviews, users, groups and memberships in their own columns' {
            Get-FSTableHeader -Text ($changesetA | Format-Table | Out-String -Width 400) |
                Should -BeExactly 'ChangesetId DatasetId ChangeType Status CreateTime'
            Get-FSTableHeader -Text ($viewA | Format-Table | Out-String -Width 400) |
                Should -BeExactly 'DataViewId DatasetId DestinationType Status AutoUpdate AsOfTime'
            Get-FSTableHeader -Text ($user | Format-Table | Out-String -Width 400) |
                Should -BeExactly 'UserId EmailAddress Name Type Status ApiAccess'
            Get-FSTableHeader -Text ($group | Format-Table | Out-String -Width 400) |
                Should -BeExactly 'PermissionGroupId Name ApplicationPermissions Description'
            Get-FSTableHeader -Text (Get-FSWorkingLocation | Format-Table | Out-String -Width 400) |
                Should -BeExactly 'S3Uri LocationType'
        }

        It 'joins the group''s permissions in its ApplicationPermissions column' {
            ($group | Format-Table -AutoSize | Out-String -Width 400) | Should -Match 'CreateDataset, AccessNotebooks'
        }

        It 'every table column is a property the objects have, found by Where-Object and under StrictMode' {
            $membership = $user | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -PassThru
            $samples = @($datasetA, $changesetA, $viewA, $user, $group, $membership, (Get-FSWorkingLocation),
                (Get-FSPermissionGroup -UserId $user.UserId | Select-Object -First 1))
            foreach ($sample in $samples) {
                $columns = (Get-FSTableHeader -Text ($sample | Format-Table | Out-String -Width 400)) -split ' '
                foreach ($column in $columns) {
                    $sample.PSObject.Properties.Name | Should -Contain $column -Because "$($sample.GetType().Name) shows a $column column"
                    & {
                        Set-StrictMode -Version Latest
                        $null = $sample.$column
                    }
                }
            }

            @($user | Where-Object Name -eq 'Ada Lovelace') | Should -HaveCount 1 -Because 'the Name column is a property'
            $null = $user | Remove-FSUserFromPermissionGroup -PermissionGroupId $group.PermissionGroupId
        }
    }

    Context 'serialization' {
        It 'a dataset survives ConvertTo-Json and back' {
            $copy = $datasetA | ConvertTo-Json -Depth 6 | ConvertFrom-Json
            $copy.DatasetId | Should -BeExactly $datasetA.DatasetId
            $copy.Title | Should -BeExactly $datasetA.Title
            $copy.Kind | Should -BeExactly 'TABULAR'
            ($copy.Schema.Columns.Name -join ',') | Should -BeExactly 'ticker,price'
            ($copy.Schema.Columns.DataType -join ',') | Should -BeExactly 'STRING,DOUBLE'
            ($copy.Schema.PrimaryKeyColumns -join ',') | Should -BeExactly 'ticker'
        }

        It 'a changeset''s source and format maps become JSON objects' {
            $copy = $changesetA | ConvertTo-Json -Depth 4 | ConvertFrom-Json
            $copy.ChangesetId | Should -BeExactly $changesetA.ChangesetId
            $copy.SourceParams.s3SourcePath | Should -BeExactly $sourceA
            $copy.FormatParams.formatType | Should -BeExactly 'CSV'
            $copy.FormatParams.withHeader | Should -BeExactly 'true'
        }

        It 'Export-Csv writes a dataset''s schema and a changeset''s maps as readable text' {
            $datasetsCsv = Join-Path $TestDrive 'datasets.csv'
            $changesetsCsv = Join-Path $TestDrive 'changesets.csv'
            $datasetA | Export-Csv -LiteralPath $datasetsCsv -NoTypeInformation
            $changesetA | Export-Csv -LiteralPath $changesetsCsv -NoTypeInformation

            $datasetRow = @(Import-Csv -LiteralPath $datasetsCsv)
            $datasetRow | Should -HaveCount 1
            $datasetRow[0].DatasetId | Should -BeExactly $datasetA.DatasetId
            $datasetRow[0].Title | Should -BeExactly $datasetA.Title
            $datasetRow[0].Schema | Should -BeExactly 'ticker:STRING, price:DOUBLE (key: ticker)'

            $changesetRow = @(Import-Csv -LiteralPath $changesetsCsv)
            $changesetRow[0].ChangesetId | Should -BeExactly $changesetA.ChangesetId
            $changesetRow[0].SourceParams | Should -Match ([regex]::Escape("s3SourcePath=$sourceA"))
            $changesetRow[0].SourceParams | Should -Match 'sourceType=S3'
            $changesetRow[0].FormatParams | Should -Match 'formatType=CSV'
        }

        It 'Export-Csv writes a permission group''s application permissions as readable text' {
            $path = Join-Path $TestDrive 'groups.csv'
            $group | Export-Csv -LiteralPath $path -NoTypeInformation
            $row = @(Import-Csv -LiteralPath $path)
            $row[0].PermissionGroupId | Should -BeExactly $group.PermissionGroupId
            $row[0].ApplicationPermissions | Should -Match 'CreateDataset' -Because 'a list property should not export as its .NET type name'
            $row[0].ApplicationPermissions | Should -Match 'AccessNotebooks'
        }
    }
}
