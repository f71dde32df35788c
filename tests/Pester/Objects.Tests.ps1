# Objects that tell the truth: each path fills what its API call returns (datasets), a call that
# returns less gets a type of its own (groups listed for a user), and memberships carry no raw HTTP status.

Describe 'What the objects hold' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'datasets' {
        BeforeAll {
            $created = New-FSDataset -Title (New-FSTestName -Prefix 'Owned') -OwnerName 'Credit desk' -OwnerEmail 'credit-desk@example.com' -OwnerPhoneNumber '+1 555 0100'
        }

        It 'New-FSDataset writes the owner it set and the status it read' {
            $created.Owner.Name | Should -BeExactly 'Credit desk'
            $created.Owner.Email | Should -BeExactly 'credit-desk@example.com'
            $created.Owner.PhoneNumber | Should -BeExactly '+1 555 0100'
            $created.Status | Should -BeIn 'PENDING', 'RUNNING', 'SUCCESS'
        }

        It 'a listed dataset has the owner and no status, one read by id the status and no owner, as documented' {
            $listed = Get-FSDataset | Where-Object DatasetId -eq $created.DatasetId
            $listed.Owner.Email | Should -BeExactly 'credit-desk@example.com'
            $listed.Status | Should -BeNullOrEmpty

            $byId = Get-FSDataset -DatasetId $created.DatasetId
            $byId.Status | Should -Not -BeNullOrEmpty
            $byId.Owner | Should -BeNullOrEmpty

            $help = (Get-Help Get-FSDataset -Full | Out-String) -replace '\s+', ' '
            $help | Should -Match 'a listed dataset \(ListDatasets\) has its Owner but no Status'
        }
    }

    Context 'permission groups of a user' {
        BeforeAll {
            $user = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Grace' -LastName 'Hopper'
            $groups = @(
                New-FSPermissionGroup -Name (New-FSTestName -Prefix 'readers') -Description 'Read access' -ApplicationPermission AccessNotebooks
                New-FSPermissionGroup -Name (New-FSTestName -Prefix 'creators') -ApplicationPermission CreateDataset, ViewAuditData
            )
            $memberships = @($groups | ForEach-Object { $user | Add-FSUserToPermissionGroup -PermissionGroupId $_.PermissionGroupId -PassThru })
        }

        It 'Add-FSUserToPermissionGroup -PassThru writes the pair it added, with no raw HTTP status' {
            $memberships | Should -HaveCount 2
            $memberships[0] | Should -BeOfType 'FinSpace.Management.PermissionGroupMembership'
            $memberships[0].PSObject.Properties.Name | Should -Not -Contain 'StatusCode'
            ($memberships.UserId | Sort-Object -Unique) | Should -BeExactly $user.UserId
            Test-FSSameSet -Actual $memberships.PermissionGroupId -Expected $groups.PermissionGroupId | Should -BeTrue
        }

        It '-UserId writes its own type holding what the call returns, not groups with empty permissions' {
            $listed = @(Get-FSPermissionGroup -UserId $user.UserId)

            $listed | Should -HaveCount 2
            $listed | ForEach-Object { $_ | Should -BeOfType 'FinSpace.Management.UserPermissionGroup' }
            $listed[0].PSObject.Properties.Name | Should -Not -Contain 'ApplicationPermissions'
            $listed[0].PSObject.Properties.Name | Should -Not -Contain 'CreateTime'
            ($listed.UserId | Sort-Object -Unique) | Should -BeExactly $user.UserId
            Test-FSSameSet -Actual $listed.Name -Expected $groups.Name | Should -BeTrue
            ($listed.MembershipStatus | Sort-Object -Unique) | Should -BeExactly 'ADDITION_SUCCESS'
            Get-FSTableHeader -Text ($listed | Out-String -Width 400) | Should -BeExactly 'PermissionGroupId Name MembershipStatus UserId'
        }

        It 'the ids read the whole groups, and piping the objects ends the memberships' {
            $whole = @((Get-FSPermissionGroup -UserId $user.UserId).PermissionGroupId | Get-FSPermissionGroup)
            $whole | ForEach-Object { $_ | Should -BeOfType 'FinSpace.Management.PermissionGroup' }
            ($whole | Where-Object Description -eq 'Read access').ApplicationPermissions | Should -Be @('AccessNotebooks')

            $removed = @(Get-FSPermissionGroup -UserId $user.UserId | Remove-FSUserFromPermissionGroup -PassThru)
            $removed | Should -HaveCount 2
            @(Get-FSPermissionGroup -UserId $user.UserId) | Should -HaveCount 0
        }
    }
}
