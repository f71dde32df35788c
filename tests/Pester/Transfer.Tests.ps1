# Import-FSChangeset and Save-FSDataView against an emulator with real storage (--moto): uploads
# (several files, multipart above the threshold), -WhatIf, failures mid-upload (an S3 fault proxy),
# ingestion failures, and the round trip of 100,000 rows back byte for byte.

Describe 'Transfer' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $ProgressPreference = 'SilentlyContinue'
        $emulator = Connect-FSTestEmulator -ArgumentList '--step-ms', '20', '--moto'
        $s3 = Get-FSEmulatorS3Endpoint -Emulator $emulator
        $bucket = 'finspace-emulator-working'
        $ingestion = 'finspace/ingestion/'
        $scratch = Join-Path ([System.IO.Path]::GetTempPath()) (New-FSTestName -Prefix 'fs-transfer')
        $null = New-Item -ItemType Directory -Path $scratch
        $schema = [ordered]@{ ticker = 'STRING'; price = 'DOUBLE'; volume = 'BIGINT' }

        function Get-S3Key([string] $Prefix) {
            # moto takes unsigned requests; ListObjectsV2, first page (the tests stay under 1000 keys).
            $uri = '{0}/{1}?list-type=2&prefix={2}' -f $s3, $bucket, [uri]::EscapeDataString($Prefix)
            [xml] $listing = (Invoke-WebRequest -Uri $uri -NoProxy -ErrorAction Stop).Content
            @($listing.ListBucketResult.Contents | Where-Object { $_ } | ForEach-Object { $_.Key })
        }

        function Get-S3MultipartUpload([string] $Prefix) {
            $uri = '{0}/{1}?uploads&prefix={2}' -f $s3, $bucket, [uri]::EscapeDataString($Prefix)
            [xml] $listing = (Invoke-WebRequest -Uri $uri -NoProxy -ErrorAction Stop).Content
            @($listing.ListMultipartUploadsResult.Upload | Where-Object { $_ } | ForEach-Object { $_.Key })
        }

        function New-PriceFile([string] $Path, [int] $Rows, [int] $Start = 0) {
            $builder = [System.Text.StringBuilder]::new("ticker,price,volume`n")
            for ($i = $Start; $i -lt $Start + $Rows; $i++) {
                $null = $builder.Append("T$($i % 97),$($i % 1000).$('{0:D2}' -f ($i % 100)),$i`n")
            }

            [System.IO.File]::WriteAllText($Path, $builder.ToString())
        }

        function Start-FaultProxy([string] $Marker, [int] $Part = 0) {
            $python = (Get-Command -Name python3 -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
            $out = Join-Path $scratch "proxy-$([guid]::NewGuid().ToString('N')).log"
            $arguments = @((Join-Path $PSScriptRoot 'Tools/s3-fault-proxy.py'), '--target', $s3, '--fail-marker', $Marker, '--fail-part', "$Part")
            $process = Start-Process -FilePath $python -ArgumentList $arguments -RedirectStandardOutput $out -NoNewWindow -PassThru
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ([DateTime]::UtcNow -lt $deadline) {
                $text = if (Test-Path -LiteralPath $out) { Get-Content -LiteralPath $out -Raw } else { '' }
                if ($text -match 'listening on (http://\S+)') {
                    return [pscustomobject]@{ Url = $Matches[1]; Process = $process }
                }

                Start-Sleep -Milliseconds 50
            }

            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The S3 fault proxy did not start within 20 s (python3 $($arguments -join ' '))."
        }
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
        if ($scratch -and (Test-Path -LiteralPath $scratch)) {
            Remove-Item -LiteralPath $scratch -Recurse -Force
        }
    }

    Context 'Import-FSChangeset' {
        It 'uploads several files, one of them multipart, under one fresh prefix and ingests them all' {
            $folder = Join-Path $scratch 'several'
            $null = New-Item -ItemType Directory -Path (Join-Path $folder 'more')
            New-PriceFile -Path (Join-Path $folder 'a.csv') -Rows 10
            New-PriceFile -Path (Join-Path $folder 'more/b.csv') -Rows 5 -Start 10
            # About 12 MB: three 5 MiB parts with -PartSizeMB 5.
            New-PriceFile -Path (Join-Path $scratch 'big.csv') -Rows 600000 -Start 15
            (Get-Item -LiteralPath (Join-Path $scratch 'big.csv')).Length | Should -BeGreaterThan (10MB)
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Several') -Schema $schema

            $changeset = $dataset | Import-FSChangeset -Path $folder, (Join-Path $scratch 'big.csv') -PartSizeMB 5 -ConcurrentRequests 3 -S3EndpointUrl $s3 -Wait -PollIntervalSec 0.1

            $changeset.Status | Should -BeExactly 'SUCCESS'
            $changeset.ChangeType | Should -BeExactly 'APPEND'
            $changeset.FormatParams['formatType'] | Should -BeExactly 'CSV'
            $source = $changeset.SourceParams['s3SourcePath']
            $source | Should -Match "^s3://$bucket/$([regex]::Escape($ingestion))fs-import-\d{8}T\d{6}Z-[0-9a-f]{32}/$"
            $prefix = $source.Substring("s3://$bucket/".Length)
            Get-S3Key -Prefix $prefix | Should -Be @("${prefix}00000/a.csv", "${prefix}00000/more/b.csv", "${prefix}00001/big.csv")
            Get-S3MultipartUpload -Prefix $prefix | Should -BeNullOrEmpty
        }

        It 'sends nothing and uploads nothing with -WhatIf' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'WhatIf') -Schema $schema
            New-PriceFile -Path (Join-Path $scratch 'whatif.csv') -Rows 3
            $keysBefore = Get-S3Key -Prefix $ingestion
            Reset-FSEmulatorCounter -Emulator $emulator

            $result = $dataset | Import-FSChangeset -Path (Join-Path $scratch 'whatif.csv') -S3EndpointUrl $s3 -WhatIf

            $result | Should -BeNullOrEmpty
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Get-S3Key -Prefix $ingestion | Should -Be $keysBefore
            @(Get-FSChangeset -DatasetId $dataset.DatasetId) | Should -HaveCount 0
        }

        It 'reports a path that matches nothing as ObjectNotFound before any request' {
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Missing') -Schema $schema
            Reset-FSEmulatorCounter -Emulator $emulator

            $null = $dataset | Import-FSChangeset -Path (Join-Path $scratch 'no-such-*.csv'), (Join-Path $scratch 'whatif.csv') -S3EndpointUrl $s3 -ErrorAction SilentlyContinue -ErrorVariable problems

            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'PathNotFound,FinSpace.PowerShell.Commands.ImportFSChangesetCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ObjectNotFound'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }

        It 'creates no changeset, deletes the files already uploaded and names the file when an upload fails midway' {
            $folder = Join-Path $scratch 'faulty'
            $null = New-Item -ItemType Directory -Path $folder
            New-PriceFile -Path (Join-Path $folder '1-good.csv') -Rows 3
            New-PriceFile -Path (Join-Path $folder '2-fail-here.csv') -Rows 3
            New-PriceFile -Path (Join-Path $folder '3-never.csv') -Rows 3
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Faulty') -Schema $schema
            $proxy = Start-FaultProxy -Marker 'fail-here'
            try {
                $keysBefore = Get-S3Key -Prefix $ingestion
                $result = $dataset | Import-FSChangeset -Path $folder -S3EndpointUrl $proxy.Url -ErrorAction SilentlyContinue -ErrorVariable problems
            }
            finally {
                Stop-Process -Id $proxy.Process.Id -Force -ErrorAction SilentlyContinue
            }

            $result | Should -BeNullOrEmpty
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'UploadFailed,FinSpace.PowerShell.Commands.ImportFSChangesetCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'PermissionDenied'
            $problems[0].TargetObject | Should -BeExactly (Join-Path $folder '2-fail-here.csv')
            $problems[0].ToString() | Should -Match '2-fail-here\.csv'
            $problems[0].ToString() | Should -Match 'No changeset was created; the 1 object\(s\) already uploaded'
            @(Get-FSChangeset -DatasetId $dataset.DatasetId) | Should -HaveCount 0
            Get-S3Key -Prefix $ingestion | Should -Be $keysBefore
        }

        It 'aborts the multipart upload when one of its parts fails' {
            New-PriceFile -Path (Join-Path $scratch 'big-fail-part.csv') -Rows 600000
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'FaultyPart') -Schema $schema
            $proxy = Start-FaultProxy -Marker 'big-fail-part' -Part 2
            try {
                $null = $dataset | Import-FSChangeset -Path (Join-Path $scratch 'big-fail-part.csv') -PartSizeMB 5 -S3EndpointUrl $proxy.Url -ErrorAction SilentlyContinue -ErrorVariable problems
            }
            finally {
                Stop-Process -Id $proxy.Process.Id -Force -ErrorAction SilentlyContinue
            }

            $problems | Should -HaveCount 1
            $problems[0].TargetObject | Should -BeExactly (Join-Path $scratch 'big-fail-part.csv')
            @(Get-FSChangeset -DatasetId $dataset.DatasetId) | Should -HaveCount 0
            Get-S3MultipartUpload -Prefix $ingestion | Should -BeNullOrEmpty
        }

        It 'reports each kind of ingestion failure with the service''s message: <Kind>' -ForEach @(
            @{ Kind = 'bad header'; Content = "ticker,price,extra`nAMZN,1,2`n"; Pattern = "column 'extra' is not in the dataset's schema" }
            @{ Kind = 'type mismatch'; Content = "ticker,price,volume`nAMZN,1.5,10`nMSFT,2.5,lots`n"; Pattern = "at row 2, column 'volume': 'lots' is not a valid BIGINT" }
            @{ Kind = 'wrong field count'; Content = "ticker,price,volume`nAMZN,1.5`n"; Pattern = 'row 1: 2 field\(s\), but 3 column\(s\) are expected' }
        ) {
            $file = Join-Path $scratch "$($Kind -replace ' ', '-').csv"
            [System.IO.File]::WriteAllText($file, $Content)
            $dataset = New-FSDataset -Title (New-FSTestName -Prefix 'Bad') -Schema $schema

            $changeset = $dataset | Import-FSChangeset -Path $file -S3EndpointUrl $s3 -Wait -PollIntervalSec 0.1 -ErrorAction SilentlyContinue -ErrorVariable problems

            $changeset.Status | Should -BeExactly 'FAILED'
            $changeset.ErrorCategory | Should -BeExactly 'VALIDATION'
            $changeset.ErrorMessage | Should -Match $Pattern
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'ChangesetFailed,FinSpace.PowerShell.Commands.ImportFSChangesetCommand'
            $problems[0].ToString() | Should -Match $Pattern
        }
    }

    Context 'Save-FSDataView' {
        BeforeAll {
            # 100,000 rows of canonical CSV (LF, quotes only where needed), which the emulator exports byte for byte.
            $rows = Join-Path $scratch 'rows.csv'
            $builder = [System.Text.StringBuilder]::new("ticker,price,volume`n")
            for ($i = 0; $i -lt 100000; $i++) {
                $ticker = if ($i % 1000 -eq 0) { "`"T,$i`"" } elseif ($i % 777 -eq 0) { "`"say `"`"hi`"`"`"" } else { "T$($i % 97)" }
                $null = $builder.Append("$ticker,$($i % 1000).$('{0:D2}' -f ($i % 100)),$i`n")
            }

            [System.IO.File]::WriteAllText($rows, $builder.ToString())
            $roundTrip = New-FSDataset -Title (New-FSTestName -Prefix 'RoundTrip') -Schema $schema
            $loaded = $roundTrip | Import-FSChangeset -Path $rows -ChangeType REPLACE -S3EndpointUrl $s3 -Wait -PollIntervalSec 0.1
            $view = New-FSDataView -DatasetId $roundTrip.DatasetId -DestinationType S3 -ExportFileFormat DELIMITED_TEXT |
                Wait-FSDataView -PollIntervalSec 0.1
        }

        It 'gives the same 100,000 rows back byte for byte' {
            $loaded.Status | Should -BeExactly 'SUCCESS'
            $view.Status | Should -BeExactly 'SUCCESS'
            $destination = Join-Path $scratch 'export'

            $files = @($view | Save-FSDataView -Destination $destination -S3EndpointUrl $s3 -PassThru)

            $files | Should -HaveCount 1
            $files[0] | Should -BeOfType 'System.IO.FileInfo'
            $files[0].FullName | Should -BeExactly (Join-Path $destination 'part-00000.csv')
            (Get-FileHash -LiteralPath $files[0].FullName).Hash | Should -BeExactly (Get-FileHash -LiteralPath $rows).Hash
            Test-Path -LiteralPath (Join-Path $destination '_SUCCESS') | Should -BeFalse
        }

        It 'skips identical files, refuses different ones without -Force and replaces them with it' {
            $destination = Join-Path $scratch 'export-again'
            $null = $view | Save-FSDataView -Destination $destination -S3EndpointUrl $s3
            $file = Join-Path $destination 'part-00000.csv'

            $again = @($view | Save-FSDataView -Destination $destination -S3EndpointUrl $s3 -PassThru -Verbose 4>&1)
            $again | Where-Object { $_ -is [System.IO.FileInfo] } | Should -BeNullOrEmpty
            ($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "Skipped ${file}: it already holds the same bytes."

            [System.IO.File]::WriteAllText($file, "ticker,price,volume`n")
            $refused = @($view | Save-FSDataView -Destination $destination -S3EndpointUrl $s3 -PassThru -ErrorAction SilentlyContinue -ErrorVariable problems)
            $refused | Should -BeNullOrEmpty
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeExactly 'FileExists,FinSpace.PowerShell.Commands.SaveFSDataViewCommand'
            [string] $problems[0].CategoryInfo.Category | Should -BeExactly 'ResourceExists'
            $problems[0].TargetObject | Should -BeExactly $file
            (Get-Item -LiteralPath $file).Length | Should -Be 20

            $replaced = @($view | Save-FSDataView -Destination $destination -S3EndpointUrl $s3 -Force -PassThru)
            $replaced | Should -HaveCount 1
            (Get-FileHash -LiteralPath $file).Hash | Should -BeExactly (Get-FileHash -LiteralPath $rows).Hash
        }

        It 'downloads nothing and sends nothing with -WhatIf' {
            $destination = Join-Path $scratch 'export-whatif'
            Reset-FSEmulatorCounter -Emulator $emulator

            $result = $view | Save-FSDataView -Destination $destination -S3EndpointUrl $s3 -PassThru -WhatIf

            $result | Should -BeNullOrEmpty
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
            Test-Path -LiteralPath $destination | Should -BeFalse
        }
    }
}
