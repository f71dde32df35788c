<#
.SYNOPSIS
    Onboards a team: one permission group, one user per row of a CSV file, every user in the group.

.DESCRIPTION
    An administrator's script. Run it after Connect-FSEnvironment (or pass nothing and let the
    module find credentials and region as AWS.Tools would). The CSV needs an EmailAddress column;
    FirstName, LastName and Type are optional and may be left empty. The group is created unless a
    group with that name exists; users that already exist are reported and skipped. Writes the
    group's members as the module's table view.

.EXAMPLE
    ./samples/Onboard-Team.ps1 -Path ./samples/data/quant-team.csv -GroupName 'Quant research'
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateNotNullOrEmpty()]
    [string] $Path = (Join-Path $PSScriptRoot 'data/quant-team.csv'),

    [ValidateNotNullOrEmpty()]
    [string] $GroupName = 'Quant research',

    [string[]] $ApplicationPermission = @('AccessNotebooks', 'CreateDataset')
)

$group = Get-FSPermissionGroup | Where-Object Name -eq $GroupName | Select-Object -First 1
if (-not $group) {
    $group = New-FSPermissionGroup -Name $GroupName -ApplicationPermission $ApplicationPermission `
        -Description "Created by Onboard-Team.ps1 on $(Get-Date -Format yyyy-MM-dd)"
}

$existing = @{}
Get-FSUser | ForEach-Object { $existing[$_.EmailAddress] = $_ }

$rows = @(Import-Csv -LiteralPath $Path)
$new = @($rows | Where-Object { -not $existing.ContainsKey($_.EmailAddress) })
foreach ($row in $rows | Where-Object { $existing.ContainsKey($_.EmailAddress) }) {
    Write-Warning "$($row.EmailAddress) already has a FinSpace user ($($existing[$row.EmailAddress].UserId)); skipped."
}

if ($group -and $new) {
    $null = $new | New-FSUser | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId
}

if ($group) {
    Write-Verbose "Members of '$($group.Name)' ($($group.PermissionGroupId)):"
    Get-FSUser -PermissionGroupId $group.PermissionGroupId
}
