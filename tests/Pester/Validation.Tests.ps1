# Bad input as a user types it: ids that are dot segments or too long, updates that cannot be
# sent, values that can or cannot be cleared, and messages that name the parameter typed. Every
# "nothing was sent" is proven with the emulator's request counters.

Describe 'Validation before anything is sent' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $credential = Get-FSEmulatorCredential
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'ids in the URL' {
        It "'good','..','good' | Get-FSDataset emits two datasets and one InvalidArgument error naming -DatasetId" {
            $good = New-FSDataset -Title (New-FSTestName -Prefix 'Good')
            Reset-FSEmulatorCounter -Emulator $emulator

            $output = @($good.DatasetId, '..', $good.DatasetId | Get-FSDataset -ErrorAction SilentlyContinue -ErrorVariable problems)

            $output | Should -HaveCount 2
            $output.DatasetId | Should -Be @($good.DatasetId, $good.DatasetId)
            $problems | Should -HaveCount 1
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'InvalidArgument'
            $problems[0].TargetObject | Should -BeExactly '..'
            $problems[0].Exception.Message | Should -BeLike "-DatasetId (datasetId) must not be '..'*"
            Get-FSEmulatorCounter -Emulator $emulator -Operation 'GetDataset' | Should -Be 2
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 2
        }

        It 'Remove-FSUserFromPermissionGroup -UserId .. sends nothing and the group survives' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'Kept')
            Reset-FSEmulatorCounter -Emulator $emulator

            Remove-FSUserFromPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId '..' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems | Should -HaveCount 1
            $problems[0].Exception.Message | Should -BeLike '-UserId (userId)*dot segment*'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId).PermissionGroupId | Should -BeExactly $group.PermissionGroupId
        }

        It 'an id longer than 26 characters is refused before sending' {
            Reset-FSEmulatorCounter -Emulator $emulator

            Get-FSUser -UserId ('u' * 27) -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems | Should -HaveCount 1
            $problems[0].Exception.Message | Should -BeLike '-UserId (userId) must be at most 26 characters long (got 27)*'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'an id with a slash or %2F is sent as one id and is simply not found' {
            Reset-FSEmulatorCounter -Emulator $emulator

            Get-FSDataset -DatasetId 'a/..', '%2F' -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems | Should -HaveCount 2
            [string[]] $problems.CategoryInfo.Category | Should -Be @('ObjectNotFound', 'ObjectNotFound')
            $problems.TargetObject | Should -Be @('a/..', '%2F')
            Get-FSEmulatorCounter -Emulator $emulator -Operation 'GetDataset' | Should -Be 2
        }
    }

    Context 'Set-* checks the update before any request' {
        It 'Set-FSDataset with a title that is too long names -Title and sends nothing, not even the read' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Titled')
            Reset-FSEmulatorCounter -Emulator $emulator

            { Set-FSDataset -DatasetId $dataset.DatasetId -Title ('t' * 256) } |
                Should -Throw -ErrorId 'InvalidRequest,FinSpace.PowerShell.Commands.SetFSDatasetCommand' -ExpectedMessage '-Title (datasetTitle) must be at most 255 characters long (got 256).*'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'Set-FSChangeset with a blank separator names -Separator and sends nothing' {
            Reset-FSEmulatorCounter -Emulator $emulator

            { Set-FSChangeset -DatasetId 'dataset1' -ChangesetId 'changeset1' -Separator ' ' } |
                Should -Throw -ExpectedMessage "-Separator (formatParams?'separator'?) must match the pattern*Nothing was sent (UpdateChangeset)."
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'New-FSDataset names -Alias for an alias the model refuses, and the other rows go on' {
            Reset-FSEmulatorCounter -Emulator $emulator
            $rows = @(
                [pscustomobject]@{ Title = (New-FSTestName -Prefix 'RowOne'); Alias = '' }
                [pscustomobject]@{ Title = (New-FSTestName -Prefix 'RowTwo'); Alias = 'alias/' + ('a' * 250) }
                [pscustomobject]@{ Title = (New-FSTestName -Prefix 'RowThree'); Alias = '' }
            )

            $output = @($rows | New-FSDataset -ErrorAction SilentlyContinue -ErrorVariable problems)

            $output | Should -HaveCount 2
            $problems | Should -HaveCount 1
            $problems[0].Exception.Message | Should -BeLike '-Alias (alias) must be at most 255 characters long (got 256)*'
            Get-FSEmulatorCounter -Emulator $emulator -Operation 'CreateDataset' | Should -Be 2
        }
    }

    Context 'clearing optional values' {
        It "Set-FSDataset -Description '' clears the description" {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Described') -Description 'to be cleared'

            $updated = Set-FSDataset -DatasetId $dataset.DatasetId -Description '' -PassThru

            $updated.Description | Should -BeNullOrEmpty
        }

        It "Set-FSDataset -Alias '' is refused saying an alias cannot be removed, before any request" {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Aliased') -Alias ('alias/' + (New-FSTestName -Prefix 'kept'))
            Reset-FSEmulatorCounter -Emulator $emulator

            { Set-FSDataset -DatasetId $dataset.DatasetId -Alias '' } |
                Should -Throw -ErrorId 'InvalidArgument,FinSpace.PowerShell.Commands.SetFSDatasetCommand' -ExpectedMessage '-Alias cannot be cleared: *'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSDataset -DatasetId $dataset.DatasetId).Alias | Should -BeExactly $dataset.Alias
        }

        It "Set-FSUser -ApiAccessPrincipalArn '' is refused and points to -ApiAccess DISABLED" {
            $user = New-FSUser -EmailAddress (New-FSTestEmail) -ApiAccess ENABLED -ApiAccessPrincipalArn 'arn:aws:iam::123456789012:role/analyst'
            Reset-FSEmulatorCounter -Emulator $emulator

            { Set-FSUser -UserId $user.UserId -ApiAccessPrincipalArn '' } |
                Should -Throw -ErrorId 'InvalidArgument,FinSpace.PowerShell.Commands.SetFSUserCommand' -ExpectedMessage '-ApiAccessPrincipalArn cannot be cleared: *-ApiAccess DISABLED*'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0

            $disabled = Set-FSUser -UserId $user.UserId -ApiAccess disabled -PassThru
            $disabled.ApiAccess | Should -BeExactly 'DISABLED'
        }

        It "Set-FSUser -LastName '' beside a real change keeps the last name and warns that it cannot be cleared" {
            $user = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Mia' -LastName 'Kept'

            $updated = Set-FSUser -UserId $user.UserId -FirstName 'Mina' -LastName '' -PassThru -WarningVariable warnings -WarningAction SilentlyContinue

            ($updated.FirstName, $updated.LastName) | Should -Be @('Mina', 'Kept')
            $warnings | Should -HaveCount 1
            [string] $warnings[0] | Should -BeLike '-LastName is empty, so it is kept as it is: it cannot be cleared*'
        }

        It 'Set-FSPermissionGroup -ApplicationPermission @() removes every application permission' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'Emptied') -ApplicationPermission CreateDataset, AccessNotebooks

            $updated = Set-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -ApplicationPermission @() -PassThru

            @($updated.ApplicationPermissions) | Should -HaveCount 0
        }

        It "Set-FSPermissionGroup -Description '' is refused saying why" {
            { Set-FSPermissionGroup -PermissionGroupId 'group1' -Description '' } |
                Should -Throw -ExpectedMessage '-Description cannot be cleared: *'
        }
    }

    Context 'the emulator refuses what AWS refuses' {
        It 'a session token sent with a long-term key is an UnrecognizedClientException' {
            { Get-FSDataset -EndpointUrl $emulator.Url -Region $credential.Region -AccessKey $credential.AccessKey -SecretKey $credential.SecretKey -SessionToken 'bogus-token' -ErrorAction Stop } |
                Should -Throw -ErrorId 'UnrecognizedClientException,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
        }
    }
}
