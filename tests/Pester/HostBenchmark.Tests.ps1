# The host benchmark command (benchmarks/host/Measure-Host.ps1) in its smallest mode (-Quick): it must
# run end to end against one emulator and write a complete, well-formed results table. Its numbers
# are never compared with anything: a benchmark reports, a test checks that the report exists.

BeforeDiscovery {
    # Every row the command writes, whatever the machine: the issue's side-by-side table.
    $expectedRows = @(
        'cold.pwsh.bare', 'cold.pwsh.import', 'cold.pwsh.job', 'cold.pwsh.rawGet', 'cold.pwsh.cost', 'cold.pwsh.importInProcess', 'cold.pwsh.importEmpty', 'cold.pwsh.importEmptyJit',
        'cold.pwsh.callInProcess', 'cold.pwsh.importJit', 'cold.pwsh.callJit', 'cold.python.bare', 'cold.boto3.job',
        'cold.cli.job', 'cold.pwsh.vsBoto3',
        'list.small.floor', 'list.small.pwsh', 'list.small.pwshVsFloor', 'list.small.pwshHeap', 'list.small.boto3', 'list.small.boto3Rss', 'list.small.cli',
        'list.large.floor', 'list.large.pwsh', 'list.large.pwshVsFloor', 'list.large.pwshHeap', 'list.large.boto3', 'list.large.boto3Rss',
        'get.floor', 'get.piped', 'get.looped', 'get.boto3', 'get.pipedVsBoto3',
        'bulk.t1', 'bulk.t4', 'bulk.boto3',
        'import.pwsh', 'import.cli', 'import.boto3', 'import.pwshVsBoto3'
    ) | ForEach-Object { @{ Id = $_ } }
}

Describe 'The host benchmark command, smallest mode' {
    BeforeAll {
        # ConvertFrom-Json gives whole numbers as Int64 and others as Double: both are parsed numbers.
        function Test-Number($Value) { $Value -is [double] -or $Value -is [long] -or $Value -is [int] -or $Value -is [decimal] }
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Get-FSModuleManifestPath   # fails at once, with the build command, when nothing is built
        $outputDirectory = Join-Path ([System.IO.Path]::GetTempPath()) (New-FSTestName -Prefix 'fs-hostbench')
        $script = Join-Path (Get-FSRepositoryRoot) 'benchmarks/host/Measure-Host.ps1'
        # A child pwsh: the command imports the module with -Force and connects; this session stays clean.
        $PSNativeCommandUseErrorActionPreference = $false
        $output = @(& (Get-FSPowerShellPath) -NoProfile -NonInteractive -File $script -Quick -OutputDirectory $outputDirectory 2>&1)
        $exitCode = $LASTEXITCODE
        $jsonPath = Join-Path $outputDirectory 'host.json'
        $markdownPath = Join-Path $outputDirectory 'host.md'
        $report = if (Test-Path -LiteralPath $jsonPath) { Get-Content -LiteralPath $jsonPath -Raw | ConvertFrom-Json } else { $null }
        $markdown = if (Test-Path -LiteralPath $markdownPath) { Get-Content -LiteralPath $markdownPath -Raw } else { '' }
        $rowsById = @{}
        foreach ($row in @($report.rows)) { if ($row) { $rowsById[$row.id] = $row } }
    }

    AfterAll {
        Remove-Item -LiteralPath $outputDirectory -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'runs to the end and writes host.json and host.md' {
        $because = "the command printed:`n$($output -join "`n")"
        $exitCode | Should -Be 0 -Because $because
        $jsonPath | Should -Exist -Because $because
        $markdownPath | Should -Exist -Because $because
        $report.quick | Should -BeTrue
    }

    It 'writes row <Id> with a parsed median, spread and run count' -ForEach $expectedRows {
        $row = $rowsById[$Id]
        $row | Should -Not -BeNullOrEmpty -Because "host.json should have row $Id"
        foreach ($field in 'median', 'min', 'max') {
            Test-Number $row.$field | Should -BeTrue -Because "$Id.$field should be a number, not '$($row.$field)'"
            [double]::IsNaN([double] $row.$field) | Should -BeFalse
            $row.$field | Should -BeGreaterOrEqual 0
        }
        $row.min | Should -BeLessOrEqual $row.median
        $row.median | Should -BeLessOrEqual $row.max
        $row.runs | Should -Be @($row.samples).Count
        $row.unit | Should -BeIn @('s', 'ms', 'items/s', 'MB', 'methods')
        # The Markdown table has the same row, its median formatted from the same number.
        $cell = $row.name.Replace('|', '\|')
        $markdown | Should -Match ([regex]::Escape("| $cell"))
    }

    It 'gives every row with a baseline a ratio, and only rows that have one' {
        foreach ($row in $report.rows) {
            if ($row.baseline) {
                $rowsById.ContainsKey($row.baseline) | Should -BeTrue -Because "$($row.id) names baseline $($row.baseline)"
                if ($rowsById[$row.baseline].median -gt 0) {
                    Test-Number $row.ratio | Should -BeTrue -Because "$($row.id) has a baseline with a median"
                    $row.ratio | Should -Be ([math]::Round($row.median / $rowsById[$row.baseline].median, 2))
                }
            }
            else {
                $row.ratio | Should -BeNullOrEmpty -Because "$($row.id) has no baseline"
            }
        }
    }

    It 'describes the machine, the build and the load average before and after' {
        foreach ($field in 'cpu', 'memory', 'os', 'dotnet', 'pwsh', 'python', 'boto3', 'awsCli', 'moduleBuild') {
            $report.machine.$field | Should -Not -BeNullOrEmpty -Because "machine.$field"
        }
        $report.machine.logicalCores | Should -BeGreaterThan 0
        $report.loadAverageBefore | Should -Match '^\d+(\.\d+)?, \d+(\.\d+)?, \d+(\.\d+)?$'
        $report.loadAverageAfter | Should -Match '^\d+(\.\d+)?, \d+(\.\d+)?, \d+(\.\d+)?$'
        $markdown | Should -Match 'load average \(1, 5, 15 min\) before'
    }

    It 'states each of the issue''s five goals as met or not, with what was measured' {
        @($report.goals) | Should -HaveCount 5
        foreach ($goal in $report.goals) {
            $goal.met | Should -BeOfType [bool]
            $goal.measured | Should -Match '\d'
        }
        ([regex]::Matches($markdown, '\| (yes|\*\*no\*\*) \|')).Count | Should -Be 5
    }
}
