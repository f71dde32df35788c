<#
.SYNOPSIS
    Creates a prices dataset, loads a file into it, waits for the load, and publishes a dataview.

.DESCRIPTION
    An administrator's script. Run it after Connect-FSEnvironment. The dataset is created unless
    one with the alias exists; the changeset loads -SourcePath (an S3 path FinSpace can read) and
    is awaited; a failed load stops the script with FinSpace's reason. Then a dataview of the
    dataset is created and awaited. Writes the dataset, the finished changeset and the dataview.

.EXAMPLE
    ./samples/Load-Prices.ps1 -SourcePath s3://finspace-landing/prices/2024-06-28.csv
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidatePattern('^s3://')]
    [string] $SourcePath = 's3://finspace-landing/prices/2024-06-28.csv',

    [ValidatePattern('^alias/')]
    [string] $Alias = 'alias/daily-equity-prices',

    [ValidateRange(0.05, 60)]
    [double] $PollIntervalSec = 1
)

$ErrorActionPreference = 'Stop'

$dataset = Get-FSDataset | Where-Object Alias -eq $Alias | Select-Object -First 1
if (-not $dataset) {
    $schema = [ordered]@{ trade_date = 'DATE'; ticker = 'STRING'; close = 'DOUBLE'; volume = 'BIGINT' }
    $dataset = New-FSDataset -Title 'Daily equity prices' -Alias $Alias -Schema $schema -PrimaryKey trade_date, ticker `
        -Description 'End-of-day prices from the pricing feed'
}

if ($dataset) {
    $dataset

    $dataset | New-FSChangeset -ChangeType APPEND -SourcePath $SourcePath -FormatType CSV -WithHeader |
        Wait-FSChangeset -PollIntervalSec $PollIntervalSec

    $dataset | New-FSDataView -DestinationType S3 -ExportFileFormat PARQUET |
        Wait-FSDataView -PollIntervalSec $PollIntervalSec
}
