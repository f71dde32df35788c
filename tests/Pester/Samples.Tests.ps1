# Every administrator's script in samples/ runs against the emulator and does what it says, and the
# README's run command (./build.ps1 -Task Demo) is a real PowerShell session that runs them all.

BeforeDiscovery {
    $sampleNames = @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../../samples') -Filter '*.ps1' | ForEach-Object Name)
}

Describe 'samples/' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $samples = Join-Path (Get-FSRepositoryRoot) 'samples'
        $emulator = Connect-FSTestEmulator

        # What each sample must do, checked against the emulator after it ran on a fresh state.
        # A script added to samples/ without an entry here fails 'every sample has a check'.
        $checks = @{
            'Onboard-Team.ps1' = {
                $csv = @(Import-Csv -LiteralPath (Join-Path $samples 'data/quant-team.csv'))
                $output = @(& (Join-Path $samples 'Onboard-Team.ps1') -GroupName 'Quant research' -ErrorVariable failed)
                $failed | Should -HaveCount 0
                $group = @(Get-FSPermissionGroup | Where-Object Name -eq 'Quant research')
                $group | Should -HaveCount 1
                ($output.EmailAddress | Sort-Object) | Should -Be ($csv.EmailAddress | Sort-Object)
                @($output | Where-Object { $_ -isnot [FinSpace.Management.User] }) | Should -HaveCount 0
                @(Get-FSUser -PermissionGroupId $group[0].PermissionGroupId) | Should -HaveCount $csv.Count
                # Rows with empty optional cells are created like any other.
                (Get-FSUser | Where-Object EmailAddress -eq 'dara.murphy@example.com').Type | Should -BeExactly 'APP_USER'

                # Run again: nobody is created twice, each existing user is reported.
                $again = @(& (Join-Path $samples 'Onboard-Team.ps1') -GroupName 'Quant research' -WarningVariable warned 3>$null)
                $warned | Should -HaveCount $csv.Count
                $again | Should -HaveCount $csv.Count
                @(Get-FSUser) | Should -HaveCount $csv.Count
            }
            'Load-Prices.ps1' = {
                $output = @(& (Join-Path $samples 'Load-Prices.ps1') -PollIntervalSec 0.05 -ErrorVariable failed)
                $failed | Should -HaveCount 0
                $output[0] | Should -BeOfType 'FinSpace.Management.Dataset'
                $output[0].Alias | Should -BeExactly 'alias/daily-equity-prices'
                ($output | Where-Object { $_ -is [FinSpace.Management.Changeset] }).Status | Should -BeExactly 'SUCCESS'
                ($output | Where-Object { $_ -is [FinSpace.Management.DataView] }).Status | Should -BeExactly 'SUCCESS'
                @(Get-FSChangeset -DatasetId $output[0].DatasetId) | Should -HaveCount 1
            }
            'Audit-Access.ps1' = {
                $group = New-FSPermissionGroup -Name 'Readers' -ApplicationPermission AccessNotebooks
                $member = New-FSUser -EmailAddress 'member@example.com'
                $loner = New-FSUser -EmailAddress 'loner@example.com'
                $gone = New-FSUser -EmailAddress 'gone@example.com'
                $boss = New-FSUser -EmailAddress 'boss@example.com' -Type SUPER_USER
                $member, $gone | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId
                $null = Disable-FSUser -UserId $gone.UserId
                Reset-FSEmulatorCounter -Emulator $emulator

                $report = @(& (Join-Path $samples 'Audit-Access.ps1') -ErrorVariable failed)

                $failed | Should -HaveCount 0
                $report | Should -HaveCount 4
                $byEmail = @{}
                $report | ForEach-Object { $byEmail[$_.EmailAddress] = $_ }
                $byEmail['member@example.com'].Groups | Should -BeExactly 'Readers'
                $byEmail['member@example.com'].Permissions | Should -BeExactly 'AccessNotebooks'
                $byEmail['member@example.com'].Note | Should -BeNullOrEmpty
                $byEmail['loner@example.com'].Note | Should -BeExactly 'no group'
                $byEmail['gone@example.com'].Note | Should -BeExactly 'disabled'
                $byEmail['boss@example.com'].Note | Should -BeExactly 'super user'
                # Read-only: it changed nothing.
                foreach ($write in 'CreateUser', 'UpdateUser', 'DisableUser', 'CreatePermissionGroup', 'UpdatePermissionGroup', 'AssociateUserToPermissionGroup', 'DisassociateUserFromPermissionGroup') {
                    Get-FSEmulatorCounter -Emulator $emulator -Operation $write | Should -Be 0 -Because "$write is a change"
                }
            }
        }
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    It 'every sample has a check' {
        $missing = @(Get-ChildItem -Path $samples -Filter '*.ps1' | Where-Object { -not $checks.ContainsKey($_.Name) } | ForEach-Object Name)
        $missing | Should -HaveCount 0 -Because 'each script in samples/ must be run by this suite'
    }

    It '<_> runs against the emulator and does what it says' -ForEach $sampleNames {
        Reset-FSEmulator -Emulator $emulator
        $check = $checks[$_]
        $check | Should -Not -BeNullOrEmpty -Because "samples/$_ has no check in Samples.Tests.ps1"
        & $check
    }

    It "the README's run command (build.ps1 -Task Demo) is a real PowerShell session over every sample" {
        $pwsh = Get-FSPowerShellPath
        $buildScript = Join-Path (Get-FSRepositoryRoot) 'build.ps1'
        $PSNativeCommandUseErrorActionPreference = $false

        $output = @(& $pwsh -NoProfile -NonInteractive -File $buildScript -Task Demo -NoBuild -Configuration (Get-FSTestConfiguration) 2>&1)
        $exitCode = $LASTEXITCODE
        $text = ($output | ForEach-Object { "$_" }) -join "`n" -replace '\x1b\[[0-9;]*m', ''

        $exitCode | Should -Be 0 -Because $text
        foreach ($sample in Get-ChildItem -Path $samples -Filter '*.ps1') {
            $text | Should -Match ([regex]::Escape("PS> ./samples/$($sample.Name)"))
        }
        # The module's own table views, not list dumps or C# imitations.
        $text | Should -Match '(?m)^UserId\s+EmailAddress\s+Name\s+Type\s+Status'
        $text | Should -Match '(?m)^ChangesetId\s+DatasetId\s+ChangeType\s+Status'
        $text | Should -Match '(?m)^DataViewId\s+DatasetId\s+DestinationType\s+Status'
        $text | Should -Match 'A missing id is one non-terminating error: ObjectNotFound'
        $text | Should -Not -Match 'finspace-emulator-test-secret'
    }
}
