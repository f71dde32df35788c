<#
.SYNOPSIS
    CI agent job: applies a team file from the repository (samples/Onboard-Team.ps1) to FinSpace, with
    every setting from environment variables, and fails the build when any request failed.

.DESCRIPTION
    Targets PowerShell 7.4+ (pwsh) on any CI agent (GitHub Actions, Azure Pipelines, GitLab, Jenkins),
    run as `pwsh -NoProfile -NonInteractive -File samples/runbooks/CI-OnboardTeam.ps1`. It reads no
    profile and needs no home folder: the AWS SDK's default chain takes the credentials and the endpoint
    from the environment, as the agent's secrets or OIDC step set them:

      AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (, AWS_SESSION_TOKEN)   access keys, or
      AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE                         web identity (e.g. GitHub OIDC)
      AWS_REGION (or AWS_DEFAULT_REGION)                                required
      AWS_ENDPOINT_URL_FINSPACE_DATA                                    optional: another endpoint (the emulator)
      FINSPACE_USERS_CSV                                                the team file (EmailAddress, FirstName, LastName, Type)
      FINSPACE_PERMISSION_GROUP                                         optional, default 'Quant research'
      FINSPACE_MODULE_PATH                                              optional: FinSpace.psd1 or the folder of the
                                                                        extracted FinSpace.zip; default: Import-Module FinSpace

    Writes the group's members and one summary line; exits 0 when everything succeeded, 1 when any
    request failed (each failure is printed), and stops at once with a clear error when the region or
    the credentials are missing.
#>
#Requires -Version 7.4
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'

$region = $env:AWS_REGION ? $env:AWS_REGION : $env:AWS_DEFAULT_REGION
if (-not $region) {
    throw 'No AWS region: set AWS_REGION (or AWS_DEFAULT_REGION) in the job''s environment.'
}

if (-not $env:FINSPACE_USERS_CSV) {
    throw 'No team file: set FINSPACE_USERS_CSV to the CSV (EmailAddress, FirstName, LastName, Type) to apply.'
}

$groupName = $env:FINSPACE_PERMISSION_GROUP ? $env:FINSPACE_PERMISSION_GROUP : 'Quant research'
Import-Module -Name ($env:FINSPACE_MODULE_PATH ? $env:FINSPACE_MODULE_PATH : 'FinSpace')

Connect-FSEnvironment -Region $region
try {
    # Errors are merged into the output to count them: -ErrorVariable does not see a row refused at
    # parameter binding inside the script's pipeline.
    $output = @(& (Join-Path $PSScriptRoot '../Onboard-Team.ps1') -Path $env:FINSPACE_USERS_CSV -GroupName $groupName `
            -ErrorAction Continue -WarningVariable skipped 2>&1)
    $failed = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    $members = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
    foreach ($record in $failed) {
        Write-Error -ErrorRecord $record -ErrorAction Continue
    }

    $members | Format-Table | Out-String -Width 160 | Write-Host
    Write-Host ('FinSpace onboarding: {0} members of ''{1}'', {2} already present, {3} failed' -f @($members).Count, $groupName, @($skipped).Count, @($failed).Count)
}
finally {
    Disconnect-FSEnvironment
}

if (@($failed).Count -gt 0) {
    exit 1
}
