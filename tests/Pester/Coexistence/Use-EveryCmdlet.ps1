<#
    Runs every exported FinSpace cmdlet once against an emulator and writes the names of those that
    ran. Used by Coexistence.Tests.ps1 inside fresh pwsh processes that have another module's
    AWSSDK.Core loaded: any cmdlet that fails stops the script ($ErrorActionPreference = 'Stop').
    A cmdlet added to the module must be added here too (the test compares the two lists).
#>
param(
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [Parameter(Mandatory)] [string] $AccessKey,
    [Parameter(Mandatory)] [string] $SecretKey,
    # The emulator's S3 (it runs with --moto), for the cmdlets that move files.
    [Parameter(Mandatory)] [string] $S3EndpointUrl
)

$ErrorActionPreference = 'Stop'
$ConfirmPreference = 'None'
$ran = [System.Collections.Generic.List[string]]::new()
function Ran([string] $Name) { $ran.Add($Name) }

Connect-FSEnvironment -EndpointUrl $EndpointUrl -Region us-east-1 -AccessKey $AccessKey -SecretKey $SecretKey; Ran Connect-FSEnvironment
$environment = Get-FSEnvironment; Ran Get-FSEnvironment
if ($environment.EndpointUrl -ne $EndpointUrl.TrimEnd('/')) { throw "Get-FSEnvironment shows $($environment.EndpointUrl), not the connected $EndpointUrl." }

$group = New-FSPermissionGroup -Name "coexist-$PID" -ApplicationPermission CreateDataset; Ran New-FSPermissionGroup
$null = Set-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Description 'changed'; Ran Set-FSPermissionGroup
$null = Get-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId; Ran Get-FSPermissionGroup

$user = New-FSUser -EmailAddress "coexist-$PID@example.com" -FirstName Co; Ran New-FSUser
$null = Set-FSUser -UserId $user.UserId -LastName Exist; Ran Set-FSUser
$null = Get-FSUser -UserId $user.UserId; Ran Get-FSUser
$null = Add-FSUserToPermissionGroup -UserId $user.UserId -PermissionGroupId $group.PermissionGroupId; Ran Add-FSUserToPermissionGroup
$null = Remove-FSUserFromPermissionGroup -UserId $user.UserId -PermissionGroupId $group.PermissionGroupId; Ran Remove-FSUserFromPermissionGroup
$null = Disable-FSUser -UserId $user.UserId; Ran Disable-FSUser
$null = Enable-FSUser -UserId $user.UserId; Ran Enable-FSUser
$null = Reset-FSUserPassword -UserId $user.UserId -Force; Ran Reset-FSUserPassword

$dataset = New-FSDataset -Title "coexist-$PID" -Schema ([ordered]@{ ticker = 'STRING'; price = 'DOUBLE' }) -PrimaryKey ticker; Ran New-FSDataset
$null = Set-FSDataset -DatasetId $dataset.DatasetId -Description 'changed'; Ran Set-FSDataset
$null = Get-FSDataset -DatasetId $dataset.DatasetId; Ran Get-FSDataset

$scratch = Join-Path ([System.IO.Path]::GetTempPath()) "coexist-$PID-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory -Path $scratch
"ticker,price`nAMZN,184.12`n" | Set-Content -LiteralPath (Join-Path $scratch 'prices.csv') -NoNewline
$imported = Import-FSChangeset -DatasetId $dataset.DatasetId -Path (Join-Path $scratch 'prices.csv') -S3EndpointUrl $S3EndpointUrl -Wait -PollIntervalSec 0.05; Ran Import-FSChangeset
$changeset = New-FSChangeset -DatasetId $dataset.DatasetId -ChangeType REPLACE -SourcePath $imported.SourceParams['s3SourcePath'] -FormatType CSV -WithHeader; Ran New-FSChangeset
$changeset = $changeset | Wait-FSChangeset -PollIntervalSec 0.05; Ran Wait-FSChangeset
$null = Get-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $changeset.ChangesetId; Ran Get-FSChangeset
$null = Set-FSChangeset -DatasetId $dataset.DatasetId -ChangesetId $changeset.ChangesetId -FormatType JSON; Ran Set-FSChangeset

$view = New-FSDataView -DatasetId $dataset.DatasetId; Ran New-FSDataView
$view = $view | Wait-FSDataView -PollIntervalSec 0.05; Ran Wait-FSDataView
$null = Get-FSDataView -DatasetId $dataset.DatasetId -DataViewId $view.DataViewId; Ran Get-FSDataView
$null = Get-FSExternalDataViewAccessDetail -DatasetId $dataset.DatasetId -DataViewId $view.DataViewId; Ran Get-FSExternalDataViewAccessDetail
$null = $view | Save-FSDataView -Destination (Join-Path $scratch 'export') -S3EndpointUrl $S3EndpointUrl; Ran Save-FSDataView
Remove-Item -LiteralPath $scratch -Recurse -Force

$null = Get-FSProgrammaticAccessCredential -EnvironmentId 'coexistenv'; Ran Get-FSProgrammaticAccessCredential
$null = Get-FSWorkingLocation -LocationType INGESTION; Ran Get-FSWorkingLocation

Remove-FSDataset -DatasetId $dataset.DatasetId -Force; Ran Remove-FSDataset
Remove-FSPermissionGroup -PermissionGroupId $group.PermissionGroupId -Force; Ran Remove-FSPermissionGroup
Disconnect-FSEnvironment; Ran Disconnect-FSEnvironment

$ran
