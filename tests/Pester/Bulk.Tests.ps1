# -ThrottleLimit on the bulk cmdlets: exactly-once under injected faults, the emulator's rate limit,
# -WhatIf sending nothing, per-item errors, and Ctrl+C (PowerShell.Stop) ending dispatch.
# Figures are printed, never asserted on time.

Describe 'Bulk jobs' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $credential = Get-FSEmulatorCredential

        function New-BulkEmail([int] $Count) {
            $run = [guid]::NewGuid().ToString('N').Substring(0, 8)
            1..$Count | ForEach-Object { [pscustomobject]@{ EmailAddress = 'bulk-{0}-{1:d5}@example.com' -f $run, $_ } }
        }

        function Get-UserCountByEmail([string[]] $Email) {
            $wanted = [System.Collections.Generic.HashSet[string]]::new([string[]] $Email)
            $counts = @{}
            foreach ($user in Get-FSUser) {
                if ($wanted.Contains($user.EmailAddress)) { $counts[$user.EmailAddress] = 1 + [int] $counts[$user.EmailAddress] }
            }
            $counts
        }
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    AfterEach {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'faults'
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'limits'
    }

    It 'creates every user exactly once and reports none failed under 20 % throttling, 5 % HTTP 500 and 1 % dropped connections' {
        $rows = @(New-BulkEmail -Count 400)
        Reset-FSEmulatorCounter -Emulator $emulator
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ throttleRate = 0.2; errorRate = 0.05; dropRate = 0.01; seed = 42 }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $created = @($rows | New-FSUser -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failures)
        $watch.Stop()
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'faults'
        $requests = Get-FSEmulatorCounter -Emulator $emulator
        $counts = Get-UserCountByEmail -Email $rows.EmailAddress
        $duplicates = @($counts.Values | Where-Object { $_ -gt 1 }).Count

        Write-FSFigure ("fault mix: {0} of {1} emitted, {2} reported failed, {3} users exist, {4} duplicates, {5} requests, {6:n1} s" -f `
                $created.Count, $rows.Count, $failures.Count, $counts.Count, $duplicates, $requests, $watch.Elapsed.TotalSeconds)
        $failures | Select-Object -First 3 | ForEach-Object { Write-Host "    $($_.FullyQualifiedErrorId): $($_.ErrorDetails.Message)" }
        $failures.Count | Should -Be 0
        $created.Count | Should -Be $rows.Count
        $counts.Count | Should -Be $rows.Count
        $duplicates | Should -Be 0
        # The faults really happened: more requests than the two per user a clean run needs.
        $requests | Should -BeGreaterThan (2 * $rows.Count)
        @($created.EmailAddress | Sort-Object -Unique).Count | Should -Be $rows.Count
    }

    It 'stays under the emulator''s CreateUser rate limit with no failures and no duplicates' {
        $rows = @(New-BulkEmail -Count 600)
        $limit = 40
        Reset-FSEmulatorCounter -Emulator $emulator
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'limits' -Body @{ operations = @{ CreateUser = $limit } }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $created = @($rows | New-FSUser -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failures)
        $watch.Stop()
        $counters = Invoke-FSEmulatorAdmin -Emulator $emulator -Method GET -Path 'counters'
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'limits'
        $counts = Get-UserCountByEmail -Email $rows.EmailAddress
        $duplicates = @($counts.Values | Where-Object { $_ -gt 1 }).Count
        # The bucket starts full (burst = limit), so the first second's burst is not rate.
        $rate = ($rows.Count - $limit) / [math]::Max(0.001, $watch.Elapsed.TotalSeconds - 1)

        Write-FSFigure ("rate limit {0}/s: {1} created in {2:n1} s = {3:n1} creates/s ({4:p0} of the limit), {5} refused by the limit and retried, {6} failed, {7} duplicates" -f `
                $limit, $created.Count, $watch.Elapsed.TotalSeconds, $rate, ($rate / $limit), $counters.rateLimited.total, $failures.Count, $duplicates)
        $failures | Select-Object -First 3 | ForEach-Object { Write-Host "    $($_.FullyQualifiedErrorId): $($_.ErrorDetails.Message)" }
        $failures.Count | Should -Be 0
        $created.Count | Should -Be $rows.Count
        $counts.Count | Should -Be $rows.Count
        $duplicates | Should -Be 0
    }

    It 'in adaptive retry mode paces itself under the rate limit: no failures, no duplicates, few refused requests' {
        # A fresh pwsh, so the client is built with AWS_RETRY_MODE=adaptive (the SDKs' variable).
        $rows = @(New-BulkEmail -Count 600)
        $limit = 40
        Reset-FSEmulatorCounter -Emulator $emulator
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'limits' -Body @{ operations = @{ CreateUser = $limit } }
        $script = @'
param([string] $ManifestPath, [string] $Url, [string] $AccessKey, [string] $SecretKey, [string] $Region, [string] $Emails)
$env:AWS_RETRY_MODE = 'adaptive'
Import-Module $ManifestPath
Connect-FSEnvironment -EndpointUrl $Url -AccessKey $AccessKey -SecretKey $SecretKey -Region $Region
$watch = [Diagnostics.Stopwatch]::StartNew()
$created = @($Emails -split ',' | ForEach-Object { [pscustomobject]@{ EmailAddress = $_ } } | New-FSUser -ThrottleLimit 16 -ErrorAction SilentlyContinue -ErrorVariable failures)
$watch.Stop()
'FSRESULT ' + (@{ created = $created.Count; failed = $failures.Count; seconds = $watch.Elapsed.TotalSeconds; errors = @($failures | Select-Object -First 3 | ForEach-Object { $_.FullyQualifiedErrorId }) } | ConvertTo-Json -Compress)
'@
        $result = Invoke-FSChildPowerShell -ScriptText $script -ArgumentList @(
            '-ManifestPath', (Get-FSModuleManifestPath), '-Url', $emulator.Url, '-AccessKey', $credential.AccessKey,
            '-SecretKey', $credential.SecretKey, '-Region', $credential.Region, '-Emails', ($rows.EmailAddress -join ','))
        $counters = Invoke-FSEmulatorAdmin -Emulator $emulator -Method GET -Path 'counters'
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'limits'
        $counts = Get-UserCountByEmail -Email $rows.EmailAddress
        $duplicates = @($counts.Values | Where-Object { $_ -gt 1 }).Count
        $rate = ($rows.Count - $limit) / [math]::Max(0.001, $result.seconds - 1)

        Write-FSFigure ("adaptive, rate limit {0}/s: {1} created in {2:n1} s = {3:n1} creates/s ({4:p0} of the limit), {5} refused by the limit, {6} failed, {7} duplicates" -f `
                $limit, $result.created, $result.seconds, $rate, ($rate / $limit), $counters.rateLimited.total, $result.failed, $duplicates)
        $result.errors | ForEach-Object { Write-Host "    $_" }
        $result.failed | Should -Be 0
        $result.created | Should -Be $rows.Count
        $counts.Count | Should -Be $rows.Count
        $duplicates | Should -Be 0
        # Paced, not retried into the limit: standard mode (the test above) has over half as many
        # refusals as creates here (339-346 of 600 when measured), adaptive mode 40-51.
        $counters.rateLimited.total | Should -BeLessThan ($rows.Count / 4)
    }

    It 'refuses a -ThrottleLimit outside 1..64 before any request, naming the parameter' {
        Reset-FSEmulatorCounter -Emulator $emulator

        { New-FSUser -EmailAddress (New-FSTestEmail) -ThrottleLimit 0 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'ThrottleLimit'*"
        { Get-FSUser -UserId x -ThrottleLimit 65 -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'ThrottleLimit'*"
        Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
    }

    It '-WhatIf with -ThrottleLimit sends nothing' {
        $rows = @(New-BulkEmail -Count 20)
        Reset-FSEmulatorCounter -Emulator $emulator

        $output = @($rows | New-FSUser -ThrottleLimit 8 -WhatIf)
        $ids = @(1..10 | ForEach-Object { New-FSMissingId })
        $ids | Disable-FSUser -ThrottleLimit 8 -WhatIf
        $ids | Remove-FSPermissionGroup -ThrottleLimit 8 -Force -WhatIf

        $output | Should -HaveCount 0
        Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
    }

    It 'writes one error per failed item with the item as TargetObject, and the rest as results' {
        $users = @(New-BulkEmail -Count 6 | New-FSUser -ThrottleLimit 6)
        $missing = @(New-FSMissingId; New-FSMissingId)

        $found = @(@($users.UserId) + $missing | Get-FSUser -ThrottleLimit 4 -ErrorAction SilentlyContinue -ErrorVariable failures)

        Test-FSSameSet -Actual $found.UserId -Expected $users.UserId | Should -BeTrue
        $failures | Should -HaveCount 2
        Test-FSSameSet -Actual @($failures.TargetObject) -Expected $missing | Should -BeTrue
        $failures | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'ObjectNotFound' }
    }

    It 'adds many users to a group concurrently, each once' {
        $group = New-FSPermissionGroup -Name (New-FSTestName -Prefix 'Bulk')
        $users = @(New-BulkEmail -Count 40 | New-FSUser -ThrottleLimit 8)

        $memberships = @($users | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -ThrottleLimit 8 -PassThru)
        $members = @(Get-FSUser -PermissionGroupId $group.PermissionGroupId)

        $memberships | Should -HaveCount 40
        Test-FSSameSet -Actual $members.UserId -Expected $users.UserId | Should -BeTrue
    }

    It 'resets many passwords concurrently: one reset per user, each password a SecureString, a bad id one error' {
        $users = @(New-BulkEmail -Count 12 | New-FSUser -ThrottleLimit 8)
        Reset-FSEmulatorCounter -Emulator $emulator

        $resets = @(@($users.UserId) + '..' | Reset-FSUserPassword -Force -ThrottleLimit 6 -ErrorAction SilentlyContinue -ErrorVariable failed)

        $resets | Should -HaveCount 12
        Test-FSSameSet -Actual $resets.UserId -Expected $users.UserId | Should -BeTrue
        @($resets | Where-Object { $_.TemporaryPassword -isnot [securestring] }) | Should -HaveCount 0
        (Get-FSEmulatorCounter -Emulator $emulator -Operation ResetUserPassword) | Should -Be 12
        $failed | Should -HaveCount 1
        $failed[0].TargetObject | Should -Be '..'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'stops dispatching when the pipeline is stopped (Ctrl+C) and cancels what is in flight' {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ latencyMs = 200; operations = @('CreateUser') }
        Reset-FSEmulatorCounter -Emulator $emulator
        $manifest = Get-FSModuleManifestPath
        $powershell = [powershell]::Create()
        try {
            $null = $powershell.AddScript({
                    param($Manifest, $Url, $AccessKey, $SecretKey, $Region)
                    Import-Module -Name $Manifest
                    Connect-FSEnvironment -EndpointUrl $Url -AccessKey $AccessKey -SecretKey $SecretKey -Region $Region
                    1..2000 | ForEach-Object { [pscustomobject]@{ EmailAddress = "stop-$_-$([guid]::NewGuid().ToString('N').Substring(0, 8))@example.com" } } |
                        New-FSUser -ThrottleLimit 4
                }).AddArgument($manifest).AddArgument($emulator.Url).AddArgument($credential.AccessKey).AddArgument($credential.SecretKey).AddArgument($credential.Region)
            $handle = $powershell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ((Get-FSEmulatorCounter -Emulator $emulator -Operation CreateUser) -lt 8 -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }

            $powershell.Stop()
            $atStop = Get-FSEmulatorCounter -Emulator $emulator -Operation CreateUser
            $handle.IsCompleted | Should -BeTrue
            Start-Sleep -Milliseconds 1000
            $later = Get-FSEmulatorCounter -Emulator $emulator -Operation CreateUser

            Write-FSFigure "stop: $atStop CreateUser requests when stopped, $later one second later (of 2000 items)"
            $atStop | Should -BeGreaterOrEqual 8
            $later | Should -Be $atStop
            $later | Should -BeLessThan 100
            $powershell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $powershell.Dispose()
        }
    }

    It 'gets changesets and dataviews by id, and updates changesets, several at a time, each once' {
        $dataset = New-FSDataset -Title ('bulk-changesets-' + [guid]::NewGuid().ToString('N').Substring(0, 8)) -Schema ([ordered]@{ ticker = 'STRING' })
        $changesets = @(1..6 | ForEach-Object {
            New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType APPEND -SourcePath "s3://finspace-landing/bulk/part-$_.csv" -FormatType CSV -WithHeader
        } | Wait-FSChangeset -PollIntervalSec 0.05)
        $views = @(1..3 | ForEach-Object { New-FSDataView -DatasetId $dataset.DatasetId } | Wait-FSDataView -PollIntervalSec 0.05)
        Reset-FSEmulatorCounter -Emulator $emulator

        $got = @(Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $changesets.ChangesetId -ThrottleLimit 4)
        $gotViews = @(Get-FSDataView -DatasetId $dataset.DatasetId -DataViewId $views.DataViewId -ThrottleLimit 3)
        $updated = @($changesets | Set-FSChangeset -Separator '|' -ThrottleLimit 4 -PassThru -ErrorVariable failed)

        ($got.ChangesetId | Sort-Object) | Should -Be ($changesets.ChangesetId | Sort-Object)
        ($gotViews.DataViewId | Sort-Object) | Should -Be ($views.DataViewId | Sort-Object)
        $failed | Should -HaveCount 0
        $updated | Should -HaveCount 6
        @($updated | Where-Object { $_.FormatParams['separator'] -ne '|' }) | Should -HaveCount 0
        @($updated.ChangesetId | Sort-Object -Unique) | Should -HaveCount 6
        Get-FSEmulatorCounter -Emulator $emulator -Operation UpdateChangeset | Should -Be 6
    }
}
