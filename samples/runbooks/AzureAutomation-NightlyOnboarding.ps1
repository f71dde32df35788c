<#
.SYNOPSIS
    Azure Automation runbook: onboards the users listed in a CSV into one FinSpace permission group
    every night, and reports the changesets that failed since the last run.

.DESCRIPTION
    Targets the PowerShell 7.4 runtime of Azure Automation (cloud jobs and hybrid workers), with the
    FinSpace module imported into the Automation account from FinSpace.zip (see the README's
    "Runbooks" section). The runbook has no 7-only syntax, but Windows PowerShell 5.1 jobs are not
    verified.

    Nothing is read from a home folder, a profile or ~/.aws: the credentials come from an Automation
    credential asset (access key id as the user name, secret access key as the password), or from
    the account's managed identity exchanged at STS for an AWS role (web identity federation); every
    setting comes from an Automation variable:

      FinSpaceRegion           required  the AWS region of the FinSpace environment
      FinSpaceUsersCsv         required  the CSV itself (columns EmailAddress, FirstName, LastName, Type),
                                         or an https:// URL that returns it: a presigned S3 GetObject URL
                                         (valid 7 days at most, so renew it), or an object the bucket
                                         policy lets the sandbox read
      FinSpacePermissionGroup  optional  the group every listed user joins; created when missing
                                         (default 'Onboarded users')
      FinSpaceReportHours      optional  how far back to report failed changesets (default 24)
      FinSpaceEndpointUrl      optional  another endpoint for the FinSpace Data API (a VPC endpoint, or
                                         the emulator when trying the runbook)
      FinSpaceAuthentication   optional  CredentialAsset (default) or ManagedIdentity
      FinSpaceRoleArn          ManagedIdentity only: the role to assume with the identity's token
      FinSpaceTokenAudience    ManagedIdentity only: the audience the role's OIDC provider expects
                                         (default api://AzureADTokenExchange)
      FinSpaceStsEndpoint      ManagedIdentity only, optional: STS (default https://sts.<region>.amazonaws.com)

    Users that exist already are not created again but still join the group; users that cannot be
    created or added are reported as errors, and the job then fails at the end (after the report), so that an alert can fire. The
    connection is dropped at the end of every job: Azure Automation runs several jobs in one process,
    and nothing of this job is left for the next one.

    Output: one object per failed changeset (DatasetId, DatasetTitle, ChangesetId, CreateTime,
    ErrorCategory, ErrorMessage), then one summary object (Group, Created, Joined, AlreadyPresent, Failed,
    FailedChangesets).

.PARAMETER CredentialName
    The name of the Automation credential asset holding the access key (CredentialAsset only).

.EXAMPLE
    # Azure portal: Automation account > Runbooks > Create a runbook (type PowerShell, runtime 7.4),
    # paste this file, Publish, then Link to schedule (daily). The job runs it as:
    ./AzureAutomation-NightlyOnboarding.ps1 -CredentialName FinSpace
#>
param(
    [string] $CredentialName = 'FinSpace'
)

$ErrorActionPreference = 'Stop'

function Get-Setting {
    # An Automation variable, or $Default when the account has none by that name.
    param([string] $Name, [object] $Default = $null, [switch] $Required)

    $value = $null
    try {
        $value = Get-AutomationVariable -Name $Name
    }
    catch {
        if ($Required) {
            throw "The Automation variable '$Name' is required and could not be read: $($_.Exception.Message)"
        }
    }

    if ($null -eq $value -or "$value" -eq '') {
        if ($Required) {
            throw "The Automation variable '$Name' is required: create it in the Automation account (Shared resources > Variables)."
        }

        return $Default
    }

    return $value
}

function Get-ManagedIdentityCredential {
    # The managed identity's token (the sandbox's IDENTITY_ENDPOINT), exchanged at STS for the role's
    # temporary keys. AssumeRoleWithWebIdentity is not signed: the token is the proof.
    param([string] $RoleArn, [string] $Audience, [string] $StsEndpoint)

    if (-not $env:IDENTITY_ENDPOINT -or -not $env:IDENTITY_HEADER) {
        throw 'FinSpaceAuthentication is ManagedIdentity, but this sandbox has no managed identity (IDENTITY_ENDPOINT is not set): enable one on the Automation account.'
    }

    $tokenUri = '{0}?resource={1}&api-version=2019-08-01' -f $env:IDENTITY_ENDPOINT, [uri]::EscapeDataString($Audience)
    $token = (Invoke-RestMethod -Uri $tokenUri -Headers @{ 'X-IDENTITY-HEADER' = $env:IDENTITY_HEADER; Metadata = 'true' } -UseBasicParsing).access_token
    $body = @{
        Action           = 'AssumeRoleWithWebIdentity'
        Version          = '2011-06-15'
        RoleArn          = $RoleArn
        RoleSessionName  = 'finspace-runbook-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        WebIdentityToken = $token
        DurationSeconds  = 3600
    }
    $response = Invoke-RestMethod -Method Post -Uri $StsEndpoint -Body $body -UseBasicParsing
    $keys = $response.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.Credentials
    @{ AccessKeyId = $keys.AccessKeyId; SecretAccessKey = $keys.SecretAccessKey; SessionToken = $keys.SessionToken }
}

function Read-UserList {
    # The CSV rows, from the variable's text or from the URL it holds.
    param([string] $Source)

    $text = $Source
    if ($Source -match '^https?://\S+$') {
        $response = Invoke-WebRequest -Uri $Source -UseBasicParsing
        $text = $response.Content
        if ($text -is [byte[]]) {
            $text = [System.Text.Encoding]::UTF8.GetString($text)
        }
    }

    $rows = @(ConvertFrom-Csv -InputObject $text.TrimStart([char] 0xFEFF))
    if ($rows.Count -gt 0 -and -not ($rows[0].PSObject.Properties.Name -contains 'EmailAddress')) {
        throw 'The users CSV has no EmailAddress column (expected columns: EmailAddress, FirstName, LastName, Type).'
    }

    $rows
}

$region = Get-Setting -Name FinSpaceRegion -Required
$connection = @{ Region = $region }
$endpoint = Get-Setting -Name FinSpaceEndpointUrl
if ($endpoint) {
    $connection.EndpointUrl = $endpoint
}

$authentication = Get-Setting -Name FinSpaceAuthentication -Default 'CredentialAsset'
switch ($authentication) {
    'CredentialAsset' {
        $credential = $null
        try {
            $credential = Get-AutomationPSCredential -Name $CredentialName
        }
        catch {
            throw "The Automation credential '$CredentialName' could not be read: $($_.Exception.Message)"
        }

        if ($null -eq $credential) {
            throw "The Automation credential '$CredentialName' does not exist: create it (user name = access key id, password = secret access key)."
        }

        $connection.Credential = $credential
    }
    'ManagedIdentity' {
        $stsEndpoint = Get-Setting -Name FinSpaceStsEndpoint -Default "https://sts.$region.amazonaws.com/"
        $connection.Credential = Get-ManagedIdentityCredential -RoleArn (Get-Setting -Name FinSpaceRoleArn -Required) `
            -Audience (Get-Setting -Name FinSpaceTokenAudience -Default 'api://AzureADTokenExchange') -StsEndpoint $stsEndpoint
    }
    default {
        throw "The Automation variable FinSpaceAuthentication is '$authentication'; use CredentialAsset or ManagedIdentity."
    }
}

$rows = @(Read-UserList -Source (Get-Setting -Name FinSpaceUsersCsv -Required))
$groupName = Get-Setting -Name FinSpacePermissionGroup -Default 'Onboarded users'
$reportHours = [double] (Get-Setting -Name FinSpaceReportHours -Default 24)

Import-Module -Name FinSpace
Connect-FSEnvironment @connection
try {
    Write-Verbose "FinSpace: $(@($rows).Count) users listed for '$groupName'; failed changesets of the last $reportHours h reported."

    $group = Get-FSPermissionGroup | Where-Object Name -eq $groupName | Select-Object -First 1
    if (-not $group) {
        $group = New-FSPermissionGroup -Name $groupName -ApplicationPermission AccessNotebooks `
            -Description "Created by the FinSpace nightly onboarding runbook on $(Get-Date -Format yyyy-MM-dd)"
    }

    $existing = @{}
    Get-FSUser | ForEach-Object { $existing[$_.EmailAddress] = $_ }
    $new = @($rows | Where-Object { -not $existing.ContainsKey($_.EmailAddress) })

    # One failed user must not stop the others: per-user errors are non-terminating and collected.
    $ErrorActionPreference = 'Continue'
    $failed = @()
    $created = @()
    if ($new.Count -gt 0) {
        $created = @($new | New-FSUser -ErrorVariable +failed)
    }

    # Every listed user joins the group, also those who existed before (a run that failed halfway
    # is completed by the next one); members stay as they are.
    $members = @{}
    Get-FSUser -PermissionGroupId $group.PermissionGroupId | ForEach-Object { $members[$_.UserId] = $true }
    $listed = @($rows | ForEach-Object { $existing[$_.EmailAddress] }) + $created | Where-Object { $_ -and -not $members.ContainsKey($_.UserId) }
    $joined = @($listed | Add-FSUserToPermissionGroup -PermissionGroupId $group.PermissionGroupId -PassThru -ErrorVariable +failed)

    $since = (Get-Date).ToUniversalTime().AddHours(-$reportHours)
    $failedChangesets = @(foreach ($dataset in Get-FSDataset) {
            foreach ($changeset in Get-FSChangeset -DatasetId $dataset.DatasetId -ErrorVariable +failed) {
                if ($changeset.Status -eq 'FAILED' -and $changeset.CreateTime -and $changeset.CreateTime.ToUniversalTime() -ge $since) {
                    Write-Warning "Changeset $($changeset.ChangesetId) of '$($dataset.Title)' ($($dataset.DatasetId)) failed: $($changeset.ErrorCategory): $($changeset.ErrorMessage)"
                    [pscustomobject]@{
                        DatasetId     = $dataset.DatasetId
                        DatasetTitle  = $dataset.Title
                        ChangesetId   = $changeset.ChangesetId
                        CreateTime    = $changeset.CreateTime
                        ErrorCategory = $changeset.ErrorCategory
                        ErrorMessage  = $changeset.ErrorMessage
                    }
                }
            }
        })
    $failedChangesets

    [pscustomobject]@{
        Group            = $group.Name
        Created          = $created.Count
        Joined           = $joined.Count
        AlreadyPresent   = $rows.Count - $new.Count
        Failed           = @($failed).Count
        FailedChangesets = $failedChangesets.Count
    }

    if (@($failed).Count -gt 0) {
        throw "FinSpace nightly onboarding: $(@($failed).Count) request(s) failed (see the errors above); the job is marked failed."
    }
}
finally {
    Disconnect-FSEnvironment
}
