# Every example in docs/help runs, as written, against the emulator with real storage (moto's S3), and
# must succeed. Each example runs in a fresh pwsh, on a fresh emulator state holding the resources its
# placeholder ids stand for (the ids in the text are replaced by the ids the emulator gave them), in a
# folder holding the local files it names, with the AWS configuration an administrator pointing at the
# emulator would have: a shared credentials file with the emulator's test keys (profiles default and
# finspace-admin), AWS_ENDPOINT_URL_FINSPACE_DATA for the emulator and AWS_ENDPOINT_URL_S3 for moto,
# so `aws s3 cp` and boto3 in the examples reach the same storage. Prompts (-Confirm, ConfirmImpact
# High) are answered Yes on standard input. Success: no terminating error, no error record except the
# ones an example provokes on purpose (ids named no-such-…), and exit code 0 from native commands.

BeforeDiscovery {
    $helpRoot = Join-Path $PSScriptRoot '../../docs/help'
    $examples = foreach ($page in Get-ChildItem -Path $helpRoot -Filter '*.md' | Sort-Object Name) {
        $text = Get-Content -LiteralPath $page.FullName -Raw
        $heading = ''
        $inExamples = $page.Name -like 'about_*'
        $lines = $text -split "`r?`n"
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $line = $lines[$i]
            if ($line -match '^## (.+)$') {
                $inExamples = $page.Name -like 'about_*' -or $Matches[1] -eq 'EXAMPLES'
                $heading = $Matches[1]
                continue
            }

            if ($line -match '^### (.+)$') {
                $heading = $Matches[1]
                continue
            }

            if ($inExamples -and $line -eq '```powershell') {
                $code = [System.Collections.Generic.List[string]]::new()
                for ($i++; $i -lt $lines.Count -and $lines[$i] -ne '```'; $i++) {
                    $code.Add($lines[$i])
                }

                @{ Page = $page.BaseName; Title = $heading; Code = ($code -join "`n") }
            }
        }
    }
}

Describe 'docs/help examples' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $manifest = Get-FSModuleManifestPath
        $pwsh = Get-FSPowerShellPath
        $aws = (Get-Command -Name 'aws' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
        if (-not $aws) {
            throw "The AWS CLI ('aws') is not on PATH; the help examples use it to move files (pip install awscli)."
        }

        $emulator = Connect-FSTestEmulator -ArgumentList '--moto', '--step-ms', '20' -TimeoutSec 90
        $credential = Get-FSEmulatorCredential
        $moto = Get-FSEmulatorS3Endpoint -Emulator $emulator

        # The AWS configuration of an administrator whose tools point at the emulator.
        $awsDir = Join-Path $TestDrive 'aws'
        $null = New-Item -ItemType Directory -Path $awsDir
        $credentialsFile = Join-Path $awsDir 'credentials'
        $configFile = Join-Path $awsDir 'config'
        @(
            '[default]', "aws_access_key_id = $($credential.AccessKey)", "aws_secret_access_key = $($credential.SecretKey)", ''
            '[finspace-admin]', "aws_access_key_id = $($credential.AccessKey)", "aws_secret_access_key = $($credential.SecretKey)"
        ) | Set-Content -LiteralPath $credentialsFile
        @('[default]', 'region = us-east-1', '', '[profile finspace-admin]', 'region = us-east-1') | Set-Content -LiteralPath $configFile
        $childEnvironment = [ordered]@{
            AWS_SHARED_CREDENTIALS_FILE    = $credentialsFile
            AWS_CONFIG_FILE                = $configFile
            AWS_ENDPOINT_URL_FINSPACE_DATA = $emulator.Url
            AWS_ENDPOINT_URL_S3            = $moto
            AWS_REGION                     = $null
            AWS_DEFAULT_REGION             = $null
            AWS_PROFILE                    = $null
            AWS_ACCESS_KEY_ID              = $null
            AWS_SECRET_ACCESS_KEY          = $null
            AWS_SESSION_TOKEN              = $null
            AWS_ENDPOINT_URL               = $null
        }

        function Set-EnvironmentVariable([string] $Name, [AllowNull()] [object] $Value) {
            # PowerShell passes $null to a .NET string parameter as '', which would set the variable empty.
            if ($null -eq $Value) { Remove-Item -LiteralPath "Env:$Name" -ErrorAction SilentlyContinue }
            else { Set-Item -LiteralPath "Env:$Name" -Value $Value }
        }

        function Invoke-WithEnvironment([System.Collections.IDictionary] $Variables, [scriptblock] $Script) {
            $saved = @{}
            foreach ($name in $Variables.Keys) {
                $saved[$name] = [Environment]::GetEnvironmentVariable($name)
                Set-EnvironmentVariable $name $Variables[$name]
            }

            try { & $Script }
            finally {
                foreach ($name in $saved.Keys) { Set-EnvironmentVariable $name $saved[$name] }
            }
        }

        function Invoke-Aws([string[]] $Arguments) {
            $PSNativeCommandUseErrorActionPreference = $false
            $output = Invoke-WithEnvironment $childEnvironment { & $aws @Arguments 2>&1 }
            if ($LASTEXITCODE -ne 0) {
                throw "aws $($Arguments -join ' ') failed ($LASTEXITCODE): $($output -join "`n")"
            }
        }

        # The files the examples load, in moto's S3 (s3://finspace-landing/…), made once.
        $header = 'trade_date,ticker,close,volume'
        function Get-Prices([string] $Date, [string] $Separator = ',') {
            $header -replace ',', $Separator
            foreach ($ticker in 'AMZN', 'MSFT', 'NVDA') {
                ($Date, $ticker, ('{0:0.00}' -f (100 + $ticker.Length + $Date.Substring(8))), 1000) -join $Separator
            }
        }

        $landing = Join-Path $TestDrive 'landing'
        $null = New-Item -ItemType Directory -Path (Join-Path $landing 'prices'), (Join-Path $landing 'prices-eu'), (Join-Path $landing 'instruments'), (Join-Path $landing 'failed')
        Get-Prices '2024-06-27' | Set-Content -LiteralPath (Join-Path $landing 'prices/2024-06-27.csv')
        Get-Prices '2024-06-28' | Set-Content -LiteralPath (Join-Path $landing 'prices/2024-06-28.csv')
        (Get-Prices '2024-06-28') -replace '1000$', '1200' | Set-Content -LiteralPath (Join-Path $landing 'prices/2024-06-28-corrected.csv')
        Get-Prices '2024-06-25' | Set-Content -LiteralPath (Join-Path $landing 'prices.csv')
        Get-Prices '2024-06-26' ';' | Set-Content -LiteralPath (Join-Path $landing 'prices-eu/2024-06-26.csv')
        # A gzip-compressed, tab-separated file (New-FSChangeset -Separator "`t" -Compression GZIP).
        $tsv = [System.Text.Encoding]::UTF8.GetBytes(((Get-Prices '2024-06-24' "`t") -join "`n") + "`n")
        $gzipPath = Join-Path $landing 'instruments/instruments.tsv.gz'
        $file = [System.IO.File]::Create($gzipPath)
        try {
            $gzip = [System.IO.Compression.GZipStream]::new($file, [System.IO.Compression.CompressionMode]::Compress)
            $gzip.Write($tsv, 0, $tsv.Length)
            $gzip.Dispose()
        }
        finally { $file.Dispose() }
        # A header the schema does not have: the load fails for real (Get-FSChangeset … FAILED).
        @('trade_date,symbol,close,volume', '2024-06-21,AMZN,1,1') | Set-Content -LiteralPath (Join-Path $landing 'failed/bad-header.csv')
        Invoke-Aws @('s3', 'mb', 's3://finspace-landing')
        Invoke-Aws @('s3', 'cp', $landing, 's3://finspace-landing/', '--recursive', '--only-show-errors')

        $schema = [ordered]@{ trade_date = 'DATE'; ticker = 'STRING'; close = 'DOUBLE'; volume = 'BIGINT' }
        # Parquet files, as FinSpace itself writes them: a dataview export copied to trades/2024-06/.
        $parquetSource = New-FSDataset -Title 'parquet source' -Schema $schema
        $null = $parquetSource | New-FSChangeset -ChangeType REPLACE -SourcePath 's3://finspace-landing/prices/2024-06-27.csv' -FormatType CSV -WithHeader |
            Wait-FSChangeset -PollIntervalSec 0.05 -ErrorAction Stop
        $parquetView = $parquetSource | New-FSDataView -DestinationType S3 -ExportFileFormat PARQUET | Wait-FSDataView -PollIntervalSec 0.05 -ErrorAction Stop
        $export = $parquetView | Get-FSExternalDataViewAccessDetail
        Invoke-Aws @('s3', 'cp', $export.S3Uri, 's3://finspace-landing/trades/2024-06/', '--recursive', '--only-show-errors')

        # The placeholder ids of the examples and what each stands for.
        $placeholderIds = [ordered]@{
            Xb2Zq7L9sHgW4mTnR1cKpA = 'Dataset'
            Rk7tQ2mWc9LxV4bN8hZs1F = 'Changeset'
            Pm3Lw8Zk1XcT6vRq9NbY2h = 'DataView'
            Gt5Hn2Qx8KwL1mVc7RbZ4p = 'Group'
            Wc8Nz1Kq6TrB3xLm9VhD5s = 'SecondGroup'
            Uf6Kp3Wn9QzT2cXm7LrB4v = 'User'
            Ys2Bm7Tq4XwN9kLc1RzH6p = 'SecondUser'
        }

        function New-ExampleWorld([string] $Code) {
            <# A fresh emulator state with what the example's placeholders and filters refer to. #>
            Reset-FSEmulator -Emulator $emulator
            $world = @{}
            # An example that creates a resource must not find it already there.
            $createsAlias = $Code -match "New-FSDataset[^\n]*-Alias 'alias/equity-prices'"
            $createsAna = $Code -match 'New-FSUser -EmailAddress ana\.silva@example\.com'
            $addsToGroup = $Code -match 'Add-FSUserToPermissionGroup -PermissionGroupId Gt5Hn2Qx8KwL1mVc7RbZ4p'

            $group = New-FSPermissionGroup -Name 'Equity research' -Description 'Analysts' -ApplicationPermission CreateDataset, ViewAuditData
            $world.Group = $group.PermissionGroupId
            $world.SecondGroup = (New-FSPermissionGroup -Name 'User admins' -ApplicationPermission ManageUsersAndGroups).PermissionGroupId
            $user = New-FSUser -EmailAddress 'rui.costa@research.example.com' -FirstName Rui -LastName Costa
            $second = New-FSUser -EmailAddress 'mia.chen@ops.example.com' -FirstName Mia -LastName Chen
            $world.User = $user.UserId
            $world.SecondUser = $second.UserId
            if (-not $addsToGroup) {
                $null = $user, $second | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId
            }

            $null = Disable-FSUser -UserId $second.UserId
            if (-not $createsAna) {
                $ana = New-FSUser -EmailAddress 'ana.silva@example.com' -FirstName Ana -LastName Silva
                if (-not $addsToGroup) {
                    $null = $ana | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId
                }
            }

            $alias = if ($createsAlias) { 'alias/equity-prices-main' } else { 'alias/equity-prices' }
            $dataset = New-FSDataset -Title 'Daily equity prices' -Alias $alias -Schema $schema -PrimaryKey trade_date, ticker `
                -PermissionGroupId $group.PermissionGroupId -DatasetPermission ViewDatasetDetails, ReadDatasetDetails
            $world.Dataset = $dataset.DatasetId
            # Three loads at once, then one wait for all: one that succeeds (the placeholder changeset), a
            # semicolon-separated one, and one that fails for real (its header is not the schema's).
            $first = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://finspace-landing/prices/2024-06-27.csv' -FormatType CSV -WithHeader
            $world.Changeset = $first.ChangesetId
            $semicolon = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://finspace-landing/prices-eu/2024-06-26.csv' -FormatType CSV -WithHeader -Separator ';'
            $failing = $dataset | New-FSChangeset -ChangeType APPEND -SourcePath 's3://finspace-landing/failed/bad-header.csv' -FormatType CSV -WithHeader
            $loads = @($first, $semicolon, $failing | Wait-FSChangeset -PollIntervalSec 0.05 -ErrorAction SilentlyContinue)
            if (($loads.Status -join ',') -ne 'SUCCESS,SUCCESS,FAILED') {
                throw "The example world's loads ended $($loads.Status -join ', '), not SUCCESS, SUCCESS, FAILED."
            }
            $view = $dataset | New-FSDataView -DestinationType S3 -ExportFileFormat PARQUET | Wait-FSDataView -PollIntervalSec 0.05 -ErrorAction Stop
            $world.DataView = $view.DataViewId
            $null = New-FSDataset -Title 'scratch-2024-06' -Kind NON_TABULAR
            return $world
        }

        function New-ExampleFolder([hashtable] $World) {
            <# The local files the examples name, in a new folder. #>
            $folder = Join-Path $TestDrive ('example-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
            $null = New-Item -ItemType Directory -Path $folder
            # Optional cells are left empty on purpose: an empty cell means "not given".
            @('EmailAddress,FirstName,LastName,Type', 'li.wang@example.com,Li,Wang,', 'sam.ortiz@example.com,,,SUPER_USER', 'kim.berg@example.com,Kim,,') |
                Set-Content -LiteralPath (Join-Path $folder 'new-analysts.csv')
            @('EmailAddress,FirstName,LastName,Type', 'noor.haddad@example.com,Noor,Haddad,', 'tom.reyes@example.com,,,') |
                Set-Content -LiteralPath (Join-Path $folder 'quant-team.csv')
            @('Title,Description,Alias', 'Research notes,Notebooks and memos,alias/research-notes', 'Board packs,,') |
                Set-Content -LiteralPath (Join-Path $folder 'datasets.csv')
            @('Name,Description', 'Data loaders,Load files into datasets', 'Auditors,') |
                Set-Content -LiteralPath (Join-Path $folder 'groups.csv')
            @('UserId,FirstName,LastName', "$($World.User),Rui,Costa-Silva", "$($World.SecondUser),Mia,") |
                Set-Content -LiteralPath (Join-Path $folder 'name-fixes.csv')
            Get-Prices '2024-06-28' | Set-Content -LiteralPath (Join-Path $folder 'prices-2024-06-28.csv')
            @(
                '# Reads the working location with the credentials the example put in the environment.'
                'import os, boto3'
                'assert os.environ["AWS_SESSION_TOKEN"], "no session token"'
                'objects = boto3.client("s3", region_name="us-east-1").list_objects_v2(Bucket="finspace-emulator-working")'
                'print("objects in the working location:", objects["KeyCount"])'
            ) | Set-Content -LiteralPath (Join-Path $folder 'load_prices.py')
            return $folder
        }

        function Invoke-Example([string] $Code, [string] $Folder) {
            $resultPath = Join-Path $Folder 'result.json'
            $connect = ''
            if ($Code -notmatch 'Connect-FSEnvironment|-EndpointUrl') {
                $connect = "Connect-FSEnvironment -EndpointUrl '$($emulator.Url)' -Region us-east-1 -AccessKey '$($credential.AccessKey)' -SecretKey '$($credential.SecretKey)'"
            }

            $script = @"
`$ErrorActionPreference = 'Continue'
`$ProgressPreference = 'SilentlyContinue'
Import-Module '$manifest' -ErrorAction Stop
Set-Location -LiteralPath '$Folder'
$connect
# Microsoft.PowerShell.SecretManagement is not installed here: a stand-in that insists on a SecureString.
if (-not (Get-Command -Name Set-Secret -ErrorAction SilentlyContinue)) {
    function Set-Secret([string] `$Name, [object] `$Secret) {
        if (`$Secret -isnot [securestring]) { throw "Set-Secret was given a `$(`$Secret.GetType().Name), not a SecureString." }
    }
}
`$Error.Clear()
`$global:LASTEXITCODE = 0
`$terminating = `$null
try {
$Code
}
catch { `$terminating = `$_ }
`$nativeExit = `$global:LASTEXITCODE
`$errors = @(`$Error | ForEach-Object { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Target = "`$(`$_.TargetObject)"; Message = "`$_" } })
[pscustomobject]@{ Terminating = if (`$terminating) { "`$terminating" } else { `$null }; NativeExit = `$nativeExit; Errors = `$errors } |
    ConvertTo-Json -Depth 4 | Set-Content -LiteralPath '$resultPath'
"@
            $scriptPath = Join-Path $Folder 'example.ps1'
            Set-Content -LiteralPath $scriptPath -Value $script
            $PSNativeCommandUseErrorActionPreference = $false
            # Not -NonInteractive: prompts (-Confirm, ConfirmImpact High) read their answer, Yes, from stdin.
            $answers = @('Y') * 20
            $output = Invoke-WithEnvironment $childEnvironment { $answers | & $pwsh -NoProfile -File $scriptPath 2>&1 }
            $exitCode = $LASTEXITCODE
            if (-not (Test-Path -LiteralPath $resultPath)) {
                throw "The example did not finish (pwsh exit code $exitCode):`n$(($output | Select-Object -Last 30) -join "`n")"
            }

            return Get-Content -LiteralPath $resultPath -Raw | ConvertFrom-Json
        }
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    It 'finds the examples of every help page' {
        $pages = @(Get-ChildItem -Path (Join-Path (Get-FSRepositoryRoot) 'docs/help') -Filter '*.md' | Where-Object Name -ne 'FinSpace.md' | ForEach-Object BaseName)
        $withExamples = @($examples | ForEach-Object { $_.Page } | Sort-Object -Unique)
        @($pages | Where-Object { $_ -notin $withExamples }) | Should -HaveCount 0 -Because 'every cmdlet page and about_FinSpace has examples'
    } -TestCases @{ examples = $examples }

    It '<Page>: <Title>' -ForEach $examples {
        $unknown = @([regex]::Matches($Code, '\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{22}\b') |
            ForEach-Object Value | Where-Object { -not $placeholderIds.Contains($_) })
        $unknown | Should -HaveCount 0 -Because 'every id in an example must be one this suite creates a resource for'

        $world = New-ExampleWorld -Code $Code
        $runnable = $Code.Replace('http://127.0.0.1:8641', $emulator.Url)
        foreach ($placeholder in $placeholderIds.Keys) {
            $runnable = $runnable.Replace($placeholder, $world[$placeholderIds[$placeholder]])
        }

        $result = Invoke-Example -Code $runnable -Folder (New-ExampleFolder -World $world)

        $unexpected = @($result.Errors | Where-Object { "$($_.Target) $($_.Message)" -notmatch 'no-such-' })
        $report = ($unexpected | ForEach-Object { "$($_.Id) [$($_.Target)]: $($_.Message)" }) -join "`n"
        $result.Terminating | Should -BeNullOrEmpty
        $report | Should -BeNullOrEmpty
        $result.NativeExit | Should -Be 0 -Because 'the native commands the example runs (aws, python) must succeed'
    }

    # Last, because it stops the emulator every example used.
    It 'stopping the emulator also stops the moto_server it started' {
        $children = @(Get-Process | Where-Object { $_.Parent -and $_.Parent.Id -eq $emulator.Process.Id })
        $children | Should -Not -BeNullOrEmpty -Because 'the emulator started with --moto runs moto_server as its child'

        Stop-FSEmulator -Emulator $emulator

        foreach ($child in $children) {
            $child.WaitForExit(10000) | Should -BeTrue -Because "moto_server (pid $($child.Id)) must not outlive the test run"
        }
    }
}
