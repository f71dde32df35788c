# New-FSUser, Get-FSUser, Set-FSUser, Disable-FSUser, Enable-FSUser and Reset-FSUserPassword.

Describe 'Users' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $roleArn = 'arn:aws:iam::123456789012:role/FinSpaceAnalyst'
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'New-FSUser and Get-FSUser' {
        It 'creates a user and emits it as the service describes it' {
            $email = New-FSTestEmail
            $user = New-FSUser -EmailAddress $email -FirstName 'Ada' -LastName 'Lovelace' -Type app_user -ApiAccess enabled -ApiAccessPrincipalArn $roleArn

            $user | Should -HaveCount 1
            $user | Should -BeOfType 'FinSpace.Management.User'
            $user.UserId | Should -Not -BeNullOrEmpty
            $user.EmailAddress | Should -BeExactly $email
            $user.FirstName | Should -BeExactly 'Ada'
            $user.LastName | Should -BeExactly 'Lovelace'
            $user.Type | Should -BeExactly 'APP_USER'
            $user.ApiAccess | Should -BeExactly 'ENABLED'
            $user.ApiAccessPrincipalArn | Should -BeExactly $roleArn
            $user.Status | Should -BeIn @('CREATING', 'ENABLED')
        }

        It 'Import-Csv | New-FSUser creates one user per row, binding columns by name and alias' {
            $path = Join-Path $TestDrive 'users.csv'
            $emails = @(New-FSTestEmail; New-FSTestEmail; New-FSTestEmail)
            $rows = for ($i = 0; $i -lt $emails.Count; $i++) {
                [pscustomobject]@{ Email = $emails[$i]; FirstName = "First$i"; LastName = "Last$i"; UserType = 'SUPER_USER' }
            }
            $rows | Export-Csv -LiteralPath $path -NoTypeInformation

            $created = @(Import-Csv -LiteralPath $path | New-FSUser)

            $created | Should -HaveCount 3
            ($created.EmailAddress -join ',') | Should -BeExactly ($emails -join ',')
            ($created.FirstName -join ',') | Should -BeExactly 'First0,First1,First2'
            @($created | Where-Object { $_.Type -cne 'SUPER_USER' }) | Should -HaveCount 0
        }

        It 'gets users by id, from piped ids and from piped users' {
            $a = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Alan'
            $b = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Barbara'

            (Get-FSUser -UserId $a.UserId).FirstName | Should -BeExactly 'Alan'
            $byValue = @($a.UserId, $b.UserId | Get-FSUser)
            ($byValue.FirstName -join ',') | Should -BeExactly 'Alan,Barbara'
            $byProperty = @($b | Get-FSUser)
            $byProperty | Should -HaveCount 1
            $byProperty[0].UserId | Should -BeExactly $b.UserId

            $all = @(Get-FSUser -MaxResults 2)
            $all | Should -HaveCount ([int] (Get-FSEmulatorState -Emulator $emulator).users)
            $all.UserId | Should -Contain $a.UserId
        }

        It 'reports a taken e-mail address as a non-terminating ResourceExists error' {
            $email = New-FSTestEmail
            $null = New-FSUser -EmailAddress $email
            $output = @(New-FSUser -EmailAddress $email -ErrorAction SilentlyContinue -ErrorVariable problems)
            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'ConflictException,FinSpace.PowerShell.Commands.NewFSUserCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ResourceExists'
            $problems[0].TargetObject | Should -BeExactly $email
        }

        It 'rejects a malformed e-mail address or type before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { New-FSUser -EmailAddress 'not-an-address' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSUserCommand'
            { New-FSUser -EmailAddress (New-FSTestEmail) -Type ADMIN } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.NewFSUserCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It '-ClientToken gives each piped user its own token, so a rerun creates nobody twice' {
            $token = New-FSTestName -Prefix 'onboarding'
            $rows = @(
                [pscustomobject]@{ EmailAddress = (New-FSTestEmail); FirstName = 'Ada' }
                [pscustomobject]@{ EmailAddress = (New-FSTestEmail); FirstName = 'Grace' }
            )
            $before = (Get-FSEmulatorState -Emulator $emulator).users

            $first = @($rows | New-FSUser -ClientToken $token)
            $rerun = @($rows | New-FSUser -ClientToken $token)

            $first | Should -HaveCount 2
            $first[0].UserId | Should -Not -Be $first[1].UserId
            ($rerun.UserId -join ',') | Should -BeExactly ($first.UserId -join ',')
            (Get-FSEmulatorState -Emulator $emulator).users | Should -Be ($before + 2)
        }

        It 'New-FSUser -WhatIf sends nothing' {
            $before = (Get-FSEmulatorState -Emulator $emulator).users
            Reset-FSEmulatorCounter -Emulator $emulator
            $output = @(New-FSUser -EmailAddress (New-FSTestEmail) -WhatIf)
            $output | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSEmulatorState -Emulator $emulator).users | Should -Be $before
        }
    }

    Context 'Set-FSUser' {
        It 'changes only the properties given' {
            $email = New-FSTestEmail
            $user = New-FSUser -EmailAddress $email -FirstName 'Grace' -LastName 'Hopper' -ApiAccess ENABLED -ApiAccessPrincipalArn $roleArn

            $updated = Set-FSUser -UserId $user.UserId -FirstName 'Amazing Grace' -PassThru

            $updated | Should -HaveCount 1
            $updated.FirstName | Should -BeExactly 'Amazing Grace'
            $updated.LastName | Should -BeExactly 'Hopper'
            $updated.EmailAddress | Should -BeExactly $email
            $updated.Type | Should -BeExactly 'APP_USER'
            $updated.ApiAccess | Should -BeExactly 'ENABLED'
            $updated.ApiAccessPrincipalArn | Should -BeExactly $roleArn
        }

        It 'takes the user from the pipeline (-InputObject) and emits nothing without -PassThru' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Katherine' -LastName 'Johnson'
            $updated = $user | Set-FSUser -Type super_user -PassThru
            $updated.Type | Should -BeExactly 'SUPER_USER'
            $updated.FirstName | Should -BeExactly 'Katherine'

            @(Set-FSUser -UserId $user.UserId -LastName 'Goble Johnson') | Should -HaveCount 0
            (Get-FSUser -UserId $user.UserId).LastName | Should -BeExactly 'Goble Johnson'
        }

        It 'refuses to run when nothing would change, before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { Set-FSUser -UserId 'anything' } | Should -Throw -ErrorId 'InvalidArgument,FinSpace.PowerShell.Commands.SetFSUserCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It '-WhatIf sends nothing and changes nothing' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail) -FirstName 'Unchanged'
            Reset-FSEmulatorCounter -Emulator $emulator
            Set-FSUser -UserId $user.UserId -FirstName 'Changed' -WhatIf
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSUser -UserId $user.UserId).FirstName | Should -BeExactly 'Unchanged'
        }
    }

    Context 'Disable-FSUser and Enable-FSUser' {
        It 'disables and enables piped users and users by id' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)

            $disabled = $user | Disable-FSUser -PassThru
            $disabled | Should -BeOfType 'FinSpace.Management.User'
            $disabled.Status | Should -BeExactly 'DISABLED'
            $disabled.LastDisabledTime | Should -Not -BeNullOrEmpty

            $enabled = Enable-FSUser -UserId $user.UserId -PassThru
            $enabled.Status | Should -BeExactly 'ENABLED'
            $enabled.LastEnabledTime | Should -Not -BeNullOrEmpty
        }

        It 'handles many ids in one call and emits nothing without -PassThru' {
            $a = New-FSUser -EmailAddress (New-FSTestEmail)
            $b = New-FSUser -EmailAddress (New-FSTestEmail)
            @(Disable-FSUser -UserId $a.UserId, $b.UserId) | Should -HaveCount 0
            @(Get-FSUser -UserId $a.UserId, $b.UserId | Where-Object { $_.Status -cne 'DISABLED' }) | Should -HaveCount 0
            @($a.UserId, $b.UserId | Enable-FSUser -PassThru | Where-Object { $_.Status -ceq 'ENABLED' }) | Should -HaveCount 2
        }

        It '-WhatIf sends nothing' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            Reset-FSEmulatorCounter -Emulator $emulator
            Disable-FSUser -UserId $user.UserId -WhatIf
            $user | Enable-FSUser -WhatIf
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            (Get-FSUser -UserId $user.UserId).Status | Should -Not -Be 'DISABLED'
        }

        It 'reports a missing user as ObjectNotFound and goes on with the others' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            $missing = New-FSMissingId
            $output = @(Disable-FSUser -UserId $missing, $user.UserId -PassThru -ErrorAction SilentlyContinue -ErrorVariable problems)
            $output | Should -HaveCount 1
            $output[0].UserId | Should -BeExactly $user.UserId
            $problems | Should -HaveCount 1
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            $problems[0].TargetObject | Should -BeExactly $missing
        }
    }

    Context 'Reset-FSUserPassword' {
        It '-Force resets without prompting and emits the temporary password as a SecureString' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)

            $reset = Reset-FSUserPassword -UserId $user.UserId -Force

            $reset | Should -HaveCount 1
            $reset | Should -BeOfType 'FinSpace.Management.UserPasswordReset'
            $reset.UserId | Should -BeExactly $user.UserId
            $reset.TemporaryPassword | Should -BeOfType ([System.Security.SecureString])
            $reset.TemporaryPassword.Length | Should -BeGreaterThan 0
            $password = ConvertFrom-FSSecureString -SecureString $reset.TemporaryPassword
            ($reset | Out-String -Width 400).Contains($password) | Should -BeFalse
            ($reset | ConvertTo-Json).Contains($password) | Should -BeFalse
        }

        It '-AsPlainText emits a string that its default view shows, and no verbose line holds it' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)

            $records = @(Reset-FSUserPassword -UserId $user.UserId -Force -AsPlainText -Verbose 4>&1)

            $resets = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $resets | Should -HaveCount 1
            $resets[0] | Should -BeOfType 'FinSpace.Management.PlainTextUserPasswordReset'
            $resets[0].TemporaryPassword | Should -BeOfType ([string])
            $password = $resets[0].TemporaryPassword
            $password.Length | Should -BeGreaterThan 0

            $verbose = @(Get-FSVerboseMessage -InputObject $records)
            @(Get-FSVerboseRequestLine -InputObject $records) | Should -HaveCount 1
            ($verbose -join "`n") | Should -Match 'FinSpace ResetUserPassword: HTTP 200'
            ($verbose -join "`n").Contains($password) | Should -BeFalse
            Get-FSTableHeader -Text ($resets[0] | Out-String -Width 400) | Should -BeExactly 'UserId TemporaryPassword'
            ($resets[0] | Out-String -Width 400).Contains($password) | Should -BeTrue -Because 'the user asked to see it'
        }

        It 'without -AsPlainText no view shows the password' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            $reset = Reset-FSUserPassword -UserId $user.UserId -Force

            $reset.TemporaryPassword | Should -BeOfType ([System.Security.SecureString])
            $password = ConvertFrom-FSSecureString -SecureString $reset.TemporaryPassword
            Get-FSTableHeader -Text ($reset | Out-String -Width 400) | Should -BeExactly 'UserId'
            ($reset | Out-String -Width 400).Contains($password) | Should -BeFalse
            ($reset | Format-List | Out-String -Width 400).Contains($password) | Should -BeFalse
        }

        It 'resets with -Confirm:$false and for piped users' {
            $a = New-FSUser -EmailAddress (New-FSTestEmail)
            $b = New-FSUser -EmailAddress (New-FSTestEmail)

            (Reset-FSUserPassword -UserId $a.UserId -Confirm:$false).UserId | Should -BeExactly $a.UserId

            $resets = @(Get-FSUser -UserId $a.UserId, $b.UserId | Reset-FSUserPassword -Force)
            ($resets.UserId -join ',') | Should -BeExactly "$($a.UserId),$($b.UserId)"
        }

        It '-WhatIf sends nothing, even with -Force' {
            $user = New-FSUser -EmailAddress (New-FSTestEmail)
            Reset-FSEmulatorCounter -Emulator $emulator
            $output = @(Reset-FSUserPassword -UserId $user.UserId -WhatIf)
            $output += @(Reset-FSUserPassword -UserId $user.UserId -Force -WhatIf)
            $output | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'reports a missing user as ObjectNotFound' {
            $missing = New-FSMissingId
            $output = @(Reset-FSUserPassword -UserId $missing -Force -ErrorAction SilentlyContinue -ErrorVariable problems)
            $output | Should -HaveCount 0
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'ResourceNotFoundException,FinSpace.PowerShell.Commands.ResetFSUserPasswordCommand'
            $problems[0].TargetObject | Should -BeExactly $missing
        }
    }
}
