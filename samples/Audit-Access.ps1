<#
.SYNOPSIS
    Reports who can do what: one row per user with their status, groups and the application
    permissions those groups give, and a note for users that need attention.

.DESCRIPTION
    A read-only administrator's script (it changes nothing). Run it after Connect-FSEnvironment.
    Writes one object per user (EmailAddress, Groups, Permissions, Note), so the report can go to
    Export-Csv or ConvertTo-Html as well as to the screen. Note says 'no group' for an enabled
    application user who belongs to no permission group (they can do nothing), 'disabled' for a
    disabled user who is still a member of a group, and 'super user' for users who have every
    permission whatever their groups.

.EXAMPLE
    ./samples/Audit-Access.ps1 | Where-Object Note | Export-Csv ./attention.csv -NoTypeInformation
#>
[CmdletBinding()]
param()

$groupsOf = @{}
foreach ($group in Get-FSPermissionGroup) {
    foreach ($member in Get-FSUser -PermissionGroupId $group.PermissionGroupId) {
        if (-not $groupsOf.ContainsKey($member.UserId)) { $groupsOf[$member.UserId] = [System.Collections.Generic.List[object]]::new() }
        $groupsOf[$member.UserId].Add($group)
    }
}

foreach ($user in Get-FSUser) {
    $groups = @($groupsOf[$user.UserId] | Where-Object { $_ })
    $note = if ($user.Status -eq 'DISABLED') { if ($groups) { 'disabled' } }
            elseif ($user.Type -eq 'SUPER_USER') { 'super user' }
            elseif (-not $groups) { 'no group' }
    [pscustomobject]@{
        EmailAddress = $user.EmailAddress
        Groups       = ($groups.Name -join ', ')
        Permissions  = (@($groups.ApplicationPermissions | Sort-Object -Unique) -join ', ')
        Note         = $note
    }
}
