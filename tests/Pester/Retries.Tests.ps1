# The retry policy as a user meets it: listings under the fault mix that finish with every item once,
# one request on the wire per counted attempt, a long session whose success rate does not decay,
# -MaxAttempts per command and per session, resuming a listing with -StartingToken, ConnectionDropped,
# InvalidRegion, and -Verbose naming the endpoint's source. Figures are printed, never asserted on time.
# The emulator's faults are seeded, and the session's backoff is capped at 20 ms, so the run is short
# and the same on every machine.

Describe 'Retries' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $ConfirmPreference = 'High'
        $WhatIfPreference = $false
        $emulator = Start-FSEmulator -ArgumentList '--step-ms', '20'
        $credential = Get-FSEmulatorCredential
        $connection = @{ EndpointUrl = $emulator.Url; AccessKey = $credential.AccessKey; SecretKey = $credential.SecretKey; Region = $credential.Region }
        Connect-FSEnvironment @connection -MaxRetryDelayMilliseconds 20
        $null = Add-FSEmulatorSeed -Emulator $emulator -Datasets 10000
        $faultMix = @{ throttleRate = 0.2; errorRate = 0.05; dropRate = 0.01; seed = 42 }
    }

    AfterAll {
        if (Get-Command -Name Disconnect-FSEnvironment -ErrorAction SilentlyContinue) {
            Disconnect-FSEnvironment
        }

        Stop-FSEmulator -Emulator $emulator
    }

    AfterEach {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'faults'
    }

    It 'finishes 10 of 10 listings of 10,000 datasets under 20 % throttling, 5 % HTTP 500 and 1 % drops, each item once' {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body $faultMix
        Reset-FSEmulatorCounter -Emulator $emulator
        $complete = 0
        $items = 0
        $duplicates = 0
        $failures = 0
        foreach ($listing in 1..10) {
            $ids = @(Get-FSDataset -ErrorAction SilentlyContinue -ErrorVariable listingErrors | ForEach-Object DatasetId)
            $unique = [System.Collections.Generic.HashSet[string]]::new([string[]] $ids)
            $items += $ids.Count
            $duplicates += $ids.Count - $unique.Count
            $failures += $listingErrors.Count
            if ($listingErrors.Count -eq 0 -and $unique.Count -eq 10000) { $complete++ }
        }
        $requests = Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets

        Write-FSFigure ("listings under faults: {0}/10 complete, {1} items, {2} duplicates, {3} errors, {4} requests for 1,000 pages" -f $complete, $items, $duplicates, $failures, $requests)
        $complete | Should -Be 10
        $items | Should -Be 100000
        $duplicates | Should -Be 0
        # Faults happened (a clean run is 1,000 requests) and no listing started over (that would cost far more).
        $requests | Should -BeGreaterThan 1100
        $requests | Should -BeLessThan 1600
    }

    It 'sends exactly one request per attempt that -Verbose counts when responses are dropped' {
        $ids = @(Get-FSDataset -MaxResults 100 | Select-Object -First 300 | ForEach-Object DatasetId)
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ dropRate = 0.3; seed = 5; operations = @('GetDataset') }
        Reset-FSEmulatorCounter -Emulator $emulator

        $output = @($ids | Get-FSDataset -Verbose -ErrorAction SilentlyContinue -ErrorVariable dropErrors 4>&1)
        $wire = Get-FSEmulatorCounter -Emulator $emulator -Operation GetDataset
        $lines = @(Get-FSVerboseRequestLine -InputObject $output | Where-Object { $_ -like 'FinSpace GetDataset:*' })
        $counted = 0
        foreach ($line in $lines) {
            $line | Should -Match ', (\d+) retr(y|ies)$'
            $counted += 1 + [int] ($line -replace '^.*, (\d+) retr(y|ies)$', '$1')
        }

        Write-FSFigure ("drops: {0} calls, {1} requests on the wire, {2} attempts counted by -Verbose, {3:n2} requests per call, {4} errors" -f $lines.Count, $wire, $counted, ($wire / $lines.Count), $dropErrors.Count)
        $lines | Should -HaveCount 300
        $counted | Should -Be $wire
        $wire | Should -BeGreaterThan 330
        $dropErrors | Should -HaveCount 0
    }

    It 'keeps its success rate through a session of 5,000 calls under the fault mix: retries never run out' {
        # Two hours of a runbook making a call every 1.4 s. The AWS SDK's standard quota would have run
        # dry after about 600 requests at this fault rate, and every later fault would fail its call.
        $ids = @(Get-FSDataset -MaxResults 100 | Select-Object -First 450 | ForEach-Object DatasetId)
        $run = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body $faultMix
        $slices = foreach ($slice in 1..10) {
            Reset-FSEmulatorCounter -Emulator $emulator
            $read = @($ids | Get-FSDataset -ErrorAction SilentlyContinue -ErrorVariable readErrors)
            $users = 1..50 | ForEach-Object { [pscustomobject]@{ EmailAddress = 'session-{0}-{1:d2}-{2:d2}@example.com' -f $run, $slice, $_ } }
            $created = @($users | New-FSUser -ErrorAction SilentlyContinue -ErrorVariable createErrors)
            $requests = Get-FSEmulatorCounter -Emulator $emulator
            [pscustomobject]@{
                Slice       = $slice
                Calls       = $ids.Count + $users.Count
                Succeeded   = $read.Count + $created.Count
                Errors      = $readErrors.Count + $createErrors.Count
                # A create is two calls (create and read-back): what a clean slice needs.
                CleanNeeds  = $ids.Count + 2 * $users.Count
                Requests    = $requests
            }
        }
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method DELETE -Path 'faults'
        $emails = @(Get-FSUser | Where-Object EmailAddress -like "session-$run-*" | ForEach-Object EmailAddress)

        foreach ($s in $slices) {
            Write-FSFigure ("session slice {0,2}: calls {1}-{2}, success {3:p2}, {4} errors, {5:n2} requests per clean request" -f $s.Slice, (($s.Slice - 1) * $s.Calls + 1), ($s.Slice * $s.Calls), ($s.Succeeded / $s.Calls), $s.Errors, ($s.Requests / $s.CleanNeeds))
        }
        $total = ($slices | Measure-Object -Property Calls -Sum).Sum
        Write-FSFigure ("session: {0} calls, {1} errors, {2} users created for {3} asked" -f $total, ($slices | Measure-Object -Property Errors -Sum).Sum, $emails.Count, (10 * 50))
        $total | Should -BeGreaterOrEqual 5000
        $first = $slices[0].Succeeded / $slices[0].Calls
        foreach ($s in $slices) {
            $s.Errors | Should -Be 0
            # No decay beyond noise: every slice does as well as the first, less half a percent.
            ($s.Succeeded / $s.Calls) | Should -BeGreaterOrEqual ($first - 0.005)
            # Retries still happen late in the session: each slice needs well over the clean count.
            ($s.Requests / $s.CleanNeeds) | Should -BeGreaterThan 1.2
        }
        $emails | Should -HaveCount 500
        @($emails | Sort-Object -Unique) | Should -HaveCount 500
    }

    It 'sends a request at most -MaxAttempts times, per command and for the session' {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ throttleRate = 1; operations = @('GetUser') }
        Reset-FSEmulatorCounter -Emulator $emulator
        Get-FSUser -UserId (New-FSMissingId) -MaxAttempts 2 -ErrorAction SilentlyContinue -ErrorVariable perCommand
        $afterCommand = Get-FSEmulatorCounter -Emulator $emulator -Operation GetUser

        $connecting = @(Connect-FSEnvironment @connection -MaxAttempts 3 -MaxRetryDelayMilliseconds 20 -Verbose 4>&1)
        try {
            (Get-FSVerboseMessage -InputObject $connecting) -join "`n" | Should -Match ([regex]::Escape("FinSpace session default: $($emulator.Url) (from -EndpointUrl) in us-east-1") + '.*at most 3 attempts per request')
            $verbose = @(Get-FSUser -UserId (New-FSMissingId) -Verbose -ErrorAction SilentlyContinue -ErrorVariable perSession 4>&1)
            $afterSession = Get-FSEmulatorCounter -Emulator $emulator -Operation GetUser
            Get-FSUser -UserId (New-FSMissingId) -MaxAttempts 1 -ErrorAction SilentlyContinue
            $afterOverride = Get-FSEmulatorCounter -Emulator $emulator -Operation GetUser
        }
        finally {
            Connect-FSEnvironment @connection -MaxRetryDelayMilliseconds 20
        }

        $afterCommand | Should -Be 2
        ($afterSession - $afterCommand) | Should -Be 3
        ($afterOverride - $afterSession) | Should -Be 1
        $perCommand[0].FullyQualifiedErrorId | Should -BeLike 'ThrottlingException,*'
        [string] $perSession[0].CategoryInfo.Category | Should -BeExactly 'LimitsExceeded'
        (Get-FSVerboseMessage -InputObject $verbose) -join "`n" | Should -Match 'at most 3 attempts per request'
        (Get-FSVerboseRequestLine -InputObject $verbose) | Should -Match ', 2 retries$'
    }

    It 'honours AWS_MAX_ATTEMPTS in a new session' {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ throttleRate = 1; operations = @('GetUser') }
        Reset-FSEmulatorCounter -Emulator $emulator
        $script = "`$env:AWS_MAX_ATTEMPTS = '4'; Import-Module '$(Get-FSModuleManifestPath)'; " +
            "Get-FSUser -UserId missing00000001 -EndpointUrl '$($emulator.Url)' -Region $($credential.Region) -AccessKey $($credential.AccessKey) -SecretKey $($credential.SecretKey) -ErrorAction SilentlyContinue"
        & (Get-FSPowerShellPath) -NoProfile -NonInteractive -Command $script

        Get-FSEmulatorCounter -Emulator $emulator -Operation GetUser | Should -Be 4
    }

    It 'resumes a listing that gave up with -StartingToken and writes every item once' {
        # One attempt per page, so the seeded throttling stops the listing several times.
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ throttleRate = 0.05; seed = 3; operations = @('ListDatasets') }
        $all = [System.Collections.Generic.List[string]]::new()
        $token = $null
        $stops = 0
        do {
            $resume = if ($token) { @{ StartingToken = $token } } else { @{} }
            $before = $all.Count
            Get-FSDataset -MaxAttempts 1 @resume -ErrorAction SilentlyContinue -ErrorVariable stopped | ForEach-Object { $all.Add($_.DatasetId) }
            if ($stopped.Count -gt 0) {
                $stops++
                $stopped[0].Exception.GetType().Name | Should -BeExactly 'ListingIncompleteException'
                $stopped[0].FullyQualifiedErrorId | Should -BeLike 'ThrottlingException,*'
                $stopped[0].Exception.ItemCount | Should -Be ($all.Count - $before)
                $stopped[0].ErrorDetails.Message | Should -Match "stopped after $($all.Count - $before) item"
                if ($stopped[0].Exception.NextToken) {
                    $token = $stopped[0].Exception.NextToken
                    $stopped[0].ErrorDetails.Message | Should -Match ([regex]::Escape("-StartingToken '$token'"))
                }
            }
        } while ($stopped.Count -gt 0 -and $stops -lt 50)

        Write-FSFigure ("resumed listing: {0} stops, {1} items, {2} distinct" -f $stops, $all.Count, @($all | Sort-Object -Unique).Count)
        $stops | Should -BeGreaterThan 0
        $all.Count | Should -Be 10000
        @($all | Sort-Object -Unique) | Should -HaveCount 10000
    }

    It 'reports a response dropped on every attempt as ConnectionDropped, not as an IOException' {
        $null = Invoke-FSEmulatorAdmin -Emulator $emulator -Method PUT -Path 'faults' -Body @{ dropRate = 1; operations = @('CreatePermissionGroup') }
        Reset-FSEmulatorCounter -Emulator $emulator

        $output = @(New-FSPermissionGroup -Name (New-FSTestName -Prefix 'Dropped') -ApplicationPermission ViewAuditData -MaxAttempts 2 -ErrorAction SilentlyContinue -ErrorVariable dropped)

        $output | Should -HaveCount 0
        $dropped | Should -HaveCount 1
        $dropped[0].FullyQualifiedErrorId | Should -BeExactly 'ConnectionDropped,FinSpace.PowerShell.Commands.NewFSPermissionGroupCommand'
        [string] $dropped[0].CategoryInfo.Category | Should -BeExactly 'ConnectionError'
        $dropped[0].Exception.Attempts | Should -Be 2
        $dropped[0].ErrorDetails.Message | Should -Match 'CreatePermissionGroup request was sent, on the last of 2 attempts'
        Get-FSEmulatorCounter -Emulator $emulator -Operation CreatePermissionGroup | Should -Be 2
    }

    It 'refuses a region that is none with InvalidRegion before sending anything' {
        Reset-FSEmulatorCounter -Emulator $emulator
        $caught = $null
        try {
            Get-FSDataset -Region 'US EAST 1' -EndpointUrl $emulator.Url -ErrorAction Stop
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -BeExactly 'InvalidRegion,FinSpace.PowerShell.Commands.GetFSDatasetCommand'
        [string] $caught.CategoryInfo.Category | Should -BeExactly 'InvalidArgument'
        $caught.Exception.Message | Should -Match "-Region 'US EAST 1' is not an AWS region name"
        Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
    }

    It 'names where the endpoint came from in -Verbose' {
        $fromParameter = @(Get-FSVerboseMessage -InputObject @(Get-FSDataset -MaxResults 1 @connection -Verbose 4>&1 | Select-Object -First 1))[0]
        $fromSession = @(Get-FSVerboseMessage -InputObject @(Get-FSDataset -MaxResults 1 -Verbose 4>&1 | Select-Object -First 1))[0]

        $fromParameter | Should -BeLike "FinSpace: $($emulator.Url) (from -EndpointUrl) in *"
        $fromSession | Should -BeLike "FinSpace: $($emulator.Url) (from session default) in *"
    }

    It 'reports a failed wait as a WaitFailedException that names the category once' {
        $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Failing')
        $failing = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://finspace-emulator-working/emulator-fail-VALIDATION/prices.csv' -FormatType CSV

        $null = $failing | Wait-FSChangeset -PollIntervalSec 0.05 -ErrorAction SilentlyContinue -ErrorVariable waitProblems

        $waitProblems | Should -HaveCount 1
        $waitProblems[0].Exception.GetType().Name | Should -BeExactly 'WaitFailedException'
        $waitProblems[0].Exception.FailureCategory | Should -BeExactly 'VALIDATION'
        $waitProblems[0].Exception.Status | Should -BeExactly 'FAILED'
        [regex]::Matches($waitProblems[0].Exception.Message, 'VALIDATION').Count | Should -Be 1
        [string] $waitProblems[0].CategoryInfo.Category | Should -BeExactly 'InvalidResult'
    }
}
