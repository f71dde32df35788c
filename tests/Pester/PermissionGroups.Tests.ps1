# New-FSPermissionGroup, Get-FSPermissionGroup, Set-FSPermissionGroup, Remove-FSPermissionGroup and
# the membership cmdlets Add-FSUserToPermissionGroup / Remove-FSUserFromPermissionGroup, read from
# both sides (Get-FSUser -PermissionGroupId, Get-FSPermissionGroup -UserId).

Describe 'Permission groups and membership' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        # Users to bind from the pipeline (more than one page at -MaxResults 5).
        $null = Add-FSEmulatorSeed -Emulator $emulator -Users 12
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'permission groups' {
        It 'New-FSPermissionGroup creates a group with canonical permission names' {
            $name = New-FSTestName -Prefix 'analysts'
            $group = New-FSPermissionGroup -Name $name -Description 'Analysts' -ApplicationPermission createdataset, AccessNotebooks

            $group | Should -HaveCount 1
            $group | Should -BeOfType 'FinSpace.Management.PermissionGroup'
            $group.PermissionGroupId | Should -Not -BeNullOrEmpty
            $group.Name | Should -BeExactly $name
            $group.Description | Should -BeExactly 'Analysts'
            ($group.ApplicationPermissions -join ',') | Should -BeExactly 'CreateDataset,AccessNotebooks'
        }

        It 'Get-FSPermissionGroup lists groups, gets them by id and from piped groups' {
            $a = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'listed') -ApplicationPermission ViewAuditData
            $b = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'listed') -ApplicationPermission ViewAuditData

            $all = @(Get-FSPermissionGroup)
            $all | Should -HaveCount ([int] (Get-FSEmulatorState -Emulator $emulator).permissionGroups)
            $all.PermissionGroupId | Should -Contain $a.PermissionGroupId
            $all.PermissionGroupId | Should -Contain $b.PermissionGroupId

            (Get-FSPermissionGroup -PermissionGroupId $a.PermissionGroupId).Name | Should -BeExactly $a.Name
            $piped = @($a, $b | Get-FSPermissionGroup)
            ($piped.PermissionGroupId -join ',') | Should -BeExactly "$($a.PermissionGroupId),$($b.PermissionGroupId)"
            $byValue = @($a.PermissionGroupId, $b.PermissionGroupId | Get-FSPermissionGroup)
            $byValue | Should -HaveCount 2
        }

        It 'Set-FSPermissionGroup changes only the properties given' {
            $name = New-FSTestName -Prefix 'partial'
            $group = New-FSPermissionGroup -Name $name -Description 'before' -ApplicationPermission CreateDataset, ManageClusters

            $updated = Set-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Description 'after' -PassThru

            $updated.Description | Should -BeExactly 'after'
            $updated.Name | Should -BeExactly $name
            ($updated.ApplicationPermissions -join ',') | Should -BeExactly 'CreateDataset,ManageClusters'
        }

        It 'Set-FSPermissionGroup -ApplicationPermission replaces the whole set, from a piped group' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'replaced') -Description 'kept' -ApplicationPermission CreateDataset, ManageClusters
            $updated = $group | Set-FSPermissionGroup -ApplicationPermission ViewAuditData -PassThru
            ($updated.ApplicationPermissions -join ',') | Should -BeExactly 'ViewAuditData'
            $updated.Name | Should -BeExactly $group.Name
            $updated.Description | Should -BeExactly 'kept'
            @(Set-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Name (New-FSTestName -Prefix 'renamed')) | Should -HaveCount 0
        }

        It 'Set-FSPermissionGroup refuses to run when nothing would change' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { Set-FSPermissionGroup -PermissionGroupId 'anything' } |
                Should -Throw -ErrorId 'InvalidArgument,FinSpace.PowerShell.Commands.SetFSPermissionGroupCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'reports a taken name as ResourceExists and a bad permission before sending anything' {
            $name = New-FSTestName -Prefix 'unique'
            $null = New-FSPermissionGroup -Name $name -ApplicationPermission ViewAuditData
            $null = New-FSPermissionGroup -Name $name -ApplicationPermission ViewAuditData -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'ConflictException,FinSpace.PowerShell.Commands.NewFSPermissionGroupCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ResourceExists'

            Reset-FSEmulatorCounter -Emulator $emulator
            { New-FSPermissionGroup -Name (New-FSTestName -Prefix 'bad') -ApplicationPermission DeleteEverything } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSPermissionGroupCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'Remove-FSPermissionGroup -Force deletes without prompting; -PassThru emits the group as it was' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'doomed') -Description 'last' -ApplicationPermission ViewAuditData
            $removed = Remove-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Force -PassThru
            $removed.PermissionGroupId | Should -BeExactly $group.PermissionGroupId
            $removed.Description | Should -BeExactly 'last'

            $null = Get-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -ErrorAction SilentlyContinue -ErrorVariable problems
            $problems | Should -HaveCount 1
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
        }

        It 'Remove-FSPermissionGroup deletes piped groups with -Confirm:$false' {
            $a = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'doomedA') -ApplicationPermission ViewAuditData
            $b = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'doomedB') -ApplicationPermission ViewAuditData
            $a, $b | Remove-FSPermissionGroup -Confirm:$false
            $ids = @(Get-FSPermissionGroup | ForEach-Object { $_.PermissionGroupId })
            $ids | Should -Not -Contain $a.PermissionGroupId
            $ids | Should -Not -Contain $b.PermissionGroupId
        }

        It '-WhatIf sends nothing for New, Set and Remove (even with -Force)' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'spared') -Description 'original' -ApplicationPermission ViewAuditData
            Reset-FSEmulatorCounter -Emulator $emulator

            New-FSPermissionGroup -Name (New-FSTestName -Prefix 'never') -ApplicationPermission ViewAuditData -WhatIf
            Set-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Description 'changed' -WhatIf
            Remove-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Force -WhatIf
            $group | Remove-FSPermissionGroup -WhatIf

            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId).Description | Should -BeExactly 'original'
        }
    }

    Context 'membership' {
        It 'Get-FSUser | Add-FSUserToPermissionGroup binds every user, and both sides agree' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'everyone') -ApplicationPermission AccessNotebooks
            $users = @(Get-FSUser)
            $users.Count | Should -BeGreaterThan 10

            $memberships = @(Get-FSUser -MaxResults 5 | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -PassThru)

            $memberships | Should -HaveCount $users.Count
            $memberships[0] | Should -BeOfType 'FinSpace.Management.PermissionGroupMembership'
            @($memberships | Where-Object { $_.PermissionGroupId -cne $group.PermissionGroupId }) | Should -HaveCount 0
            Test-FSSameSet -Expected $users.UserId -Actual $memberships.UserId | Should -BeTrue

            $members = @(Get-FSUser -PermissionGroupId $group.PermissionGroupId)
            Test-FSSameSet -Expected $users.UserId -Actual $members.UserId | Should -BeTrue
            @($members | Where-Object { $_.MembershipStatus -cne 'ADDITION_SUCCESS' }) | Should -HaveCount 0

            foreach ($user in $users) {
                $groups = @(Get-FSPermissionGroup -UserId $user.UserId)
                $groups.PermissionGroupId | Should -Contain $group.PermissionGroupId
            }
        }

        It 'adds users given by id, positionally, without output unless -PassThru' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'byid') -ApplicationPermission AccessNotebooks
            $a = New-FSUser -EmailAddress (New-FSTestEmail)
            $b = New-FSUser -EmailAddress (New-FSTestEmail)

            $output = @(Add-FSUserToPermissionGroup $group.PermissionGroupId $a.UserId, $b.UserId)

            $output | Should -HaveCount 0
            $members = @(Get-FSUser -PermissionGroupId $group.PermissionGroupId)
            Test-FSSameSet -Expected @($a.UserId, $b.UserId) -Actual $members.UserId | Should -BeTrue
        }

        It 'Get-FSPermissionGroup | Get-FSUser and Get-FSUser | Get-FSPermissionGroup each list every membership' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'pair') -ApplicationPermission AccessNotebooks
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            $null = $user | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId
            $expected = [int] (Get-FSEmulatorState -Emulator $emulator).memberships

            $byGroup = @(Get-FSPermissionGroup | Get-FSUser)
            $byUser = @(Get-FSUser | Get-FSPermissionGroup)

            $byGroup | Should -HaveCount $expected
            $byUser | Should -HaveCount $expected
            @($byGroup | Where-Object { $_.UserId -ceq $user.UserId }) | Should -HaveCount 1
            @($byUser | Where-Object { $_.PermissionGroupId -ceq $group.PermissionGroupId }) | Should -HaveCount 1
        }

        It 'Remove-FSUserFromPermissionGroup -Force removes piped members; both sides agree' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'shrinking') -ApplicationPermission AccessNotebooks
            $a = New-FSUser -EmailAddress (New-FSTestEmail)
            $b = New-FSUser -EmailAddress (New-FSTestEmail)
            $c = New-FSUser -EmailAddress (New-FSTestEmail)
            $null = $a, $b, $c | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId

            $removed = @($a, $b | Remove-FSUserFromPermissionGroup -PermissionGroupId $group.PermissionGroupId -Force -PassThru)

            $removed | Should -HaveCount 2
            $removed[0] | Should -BeOfType 'FinSpace.Management.PermissionGroupMembership'
            $remaining = @(Get-FSUser -PermissionGroupId $group.PermissionGroupId)
            $remaining | Should -HaveCount 1
            $remaining[0].UserId | Should -BeExactly $c.UserId
            @(Get-FSPermissionGroup -UserId $a.UserId | Where-Object { $_.PermissionGroupId -ceq $group.PermissionGroupId }) | Should -HaveCount 0
            @(Get-FSPermissionGroup -UserId $c.UserId | Where-Object { $_.PermissionGroupId -ceq $group.PermissionGroupId }) | Should -HaveCount 1
        }

        It 'Remove-FSUserFromPermissionGroup also runs with -Confirm:$false' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'confirm') -ApplicationPermission AccessNotebooks
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $user.UserId
            Remove-FSUserFromPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $user.UserId -Confirm:$false
            @(Get-FSUser -PermissionGroupId $group.PermissionGroupId) | Should -HaveCount 0
        }

        It 'reports adding a member twice as ResourceExists and removing a non-member as ObjectNotFound' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'strict') -ApplicationPermission AccessNotebooks
            $member = New-FSUser -EmailAddress (New-FSTestEmail)
            $stranger = New-FSUser -EmailAddress (New-FSTestEmail)
            Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $member.UserId

            Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $member.UserId -ErrorAction SilentlyContinue -ErrorVariable addProblems
            Remove-FSUserFromPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $stranger.UserId -Force -ErrorAction SilentlyContinue -ErrorVariable removeProblems

            $addProblems | Should -HaveCount 1
            [string] $addProblems[0].CategoryInfo.Category | Should -BeExactly 'ResourceExists'
            $addProblems[0].TargetObject | Should -BeExactly $member.UserId
            $removeProblems | Should -HaveCount 1
            [string] $removeProblems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $removeProblems[0].TargetObject | Should -BeExactly $stranger.UserId
        }

        It '-WhatIf sends nothing for Add and Remove' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'whatif') -ApplicationPermission AccessNotebooks
            $member = New-FSUser -EmailAddress (New-FSTestEmail)
            $outsider = New-FSUser -EmailAddress (New-FSTestEmail)
            Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $member.UserId
            Reset-FSEmulatorCounter -Emulator $emulator

            $outsider | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -WhatIf
            $member | Remove-FSUserFromPermissionGroup -PermissionGroupId $group.PermissionGroupId -Force -WhatIf

            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            $members = @(Get-FSUser -PermissionGroupId $group.PermissionGroupId)
            $members | Should -HaveCount 1
            $members[0].UserId | Should -BeExactly $member.UserId
        }

        It 'Remove-FSPermissionGroup ends the group''s memberships' {
            $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'ending') -ApplicationPermission AccessNotebooks
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -UserId $user.UserId
            @(Get-FSPermissionGroup -UserId $user.UserId) | Should -HaveCount 1

            Remove-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Force

            @(Get-FSPermissionGroup -UserId $user.UserId) | Should -HaveCount 0
        }
    }
}
