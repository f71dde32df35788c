# What administrators feed the cmdlets from files: Import-Csv rows whose optional cells are empty (an
# empty cell means "not given"), and tab-separated sources (-Separator "`t").

Describe 'Input as administrators have it' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'Import-Csv rows with empty optional cells' {
        It 'New-FSUser creates every row; an empty cell takes the default or is left out' {
            $path = Join-Path $TestDrive 'new-analysts.csv'
            $full = New-FSTestEmail
            $sparse = New-FSTestEmail
            @(
                "EmailAddress,FirstName,LastName,Type,ApiAccess,ApiAccessPrincipalArn"
                "$full,Ana,Silva,SUPER_USER,ENABLED,arn:aws:iam::123456789012:role/FinSpaceAnalyst"
                "$sparse,,,,,"
            ) | Set-Content -LiteralPath $path

            $created = @(Import-Csv -LiteralPath $path | New-FSUser -ErrorVariable failed)

            $failed | Should -HaveCount 0
            $created | Should -HaveCount 2
            $created[0].Type | Should -BeExactly 'SUPER_USER'
            $created[0].ApiAccessPrincipalArn | Should -BeExactly 'arn:aws:iam::123456789012:role/FinSpaceAnalyst'
            $created[1].EmailAddress | Should -BeExactly $sparse
            $created[1].Type | Should -BeExactly 'APP_USER'
            $created[1].FirstName | Should -BeNullOrEmpty
            $created[1].LastName | Should -BeNullOrEmpty
            $created[1].ApiAccessPrincipalArn | Should -BeNullOrEmpty
        }

        It 'the default of a cell left empty does not leak from the row before' {
            $rows = @(
                [pscustomobject]@{ EmailAddress = (New-FSTestEmail); Type = 'SUPER_USER' }
                [pscustomobject]@{ EmailAddress = (New-FSTestEmail); Type = '' }
            )

            $created = @($rows | New-FSUser)

            ($created.Type -join ',') | Should -BeExactly 'SUPER_USER,APP_USER'
        }

        It 'a given value is still validated, naming the parameter and the rule, and nothing is sent' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $row = [pscustomobject]@{ EmailAddress = (New-FSTestEmail); Type = 'ADMIN' }

            $row | New-FSUser -ErrorVariable failed -ErrorAction SilentlyContinue

            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
            "$($failed[0])" | Should -BeLike "*parameter 'Type'*'ADMIN' is not one of APP_USER, SUPER_USER*"
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'New-FSDataset creates every row; empty Description, Alias, Kind and PermissionGroupId mean not given' {
            $path = Join-Path $TestDrive 'datasets.csv'
            $title = New-FSTestName -Prefix input
            @(
                'Title,Description,Alias,Kind,PermissionGroupId'
                "$title-a,Prices,alias/$title-a,NON_TABULAR,"
                "$title-b,,,,"
            ) | Set-Content -LiteralPath $path

            $created = @(Import-Csv -LiteralPath $path | New-FSDataset -ErrorVariable failed)

            $failed | Should -HaveCount 0
            $created | Should -HaveCount 2
            $created[0].Alias | Should -BeExactly "alias/$title-a"
            $created[0].Kind | Should -BeExactly 'NON_TABULAR'
            $created[1].Kind | Should -BeExactly 'TABULAR'
            $created[1].Alias | Should -BeNullOrEmpty
            $created[1].Description | Should -BeNullOrEmpty
        }

        It 'New-FSPermissionGroup creates every row; empty Description and ApplicationPermission mean not given' {
            $path = Join-Path $TestDrive 'groups.csv'
            $name = New-FSTestName -Prefix input
            @(
                'Name,Description,ApplicationPermission'
                "$name-a,Loaders,CreateDataset"
                "$name-b,,"
            ) | Set-Content -LiteralPath $path

            $created = @(Import-Csv -LiteralPath $path | New-FSPermissionGroup -ErrorVariable failed)

            $failed | Should -HaveCount 0
            $created | Should -HaveCount 2
            @($created[0].ApplicationPermissions) | Should -Be @('CreateDataset')
            $created[1].Description | Should -BeNullOrEmpty
            @($created[1].ApplicationPermissions) | Should -HaveCount 0
        }

        It 'an optional set parameter still completes its values' {
            $completions = Get-FSCompletionText -InputScript 'New-FSUser -Type S'

            $completions | Should -Be @('SUPER_USER')
        }
    }

    Context 'Tab-separated sources' {
        It 'New-FSChangeset -Separator "`t" is accepted and sent as \t' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix input) -Schema ([ordered]@{ ticker = 'STRING'; close = 'DOUBLE' })

            $changeset = $dataset | New-FSChangeset -ChangeType REPLACE -SourcePath 's3://finspace-landing/instruments/' -FormatType CSV -Separator "`t" -Compression GZIP -WithHeader -ErrorVariable failed

            $failed | Should -HaveCount 0
            $changeset.FormatParams['separator'] | Should -BeExactly '\t'
            (Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $changeset.ChangesetId).FormatParams['separator'] | Should -BeExactly '\t'
        }

        It 'a tab in -FormatParameter is sent as \t too' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix input) -Schema ([ordered]@{ ticker = 'STRING' })

            $changeset = $dataset | New-FSChangeset -ChangeType REPLACE -SourcePath 's3://finspace-landing/x.tsv' -FormatParameter @{ formatType = 'CSV'; separator = "`t" }

            $changeset.FormatParams['separator'] | Should -BeExactly '\t'
        }
    }
}
