# Get-FSProgrammaticAccessCredential (SecureString by default, -AsPlainText on request, never in
# verbose output or views) and Get-FSWorkingLocation.

Describe 'Programmatic credentials and the working location' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $emulator = Connect-FSTestEmulator
        $credential = Get-FSEmulatorCredential
    }

    AfterAll {
        Disconnect-FSTestEmulator -Emulator $emulator
    }

    Context 'Get-FSProgrammaticAccessCredential' {
        It 'emits the secret key and session token as SecureStrings by default' {
            $before = [DateTime]::Now
            $issued = Get-FSProgrammaticAccessCredential -EnvironmentId 'finspaceenv01' -DurationInMinutes 15

            $issued | Should -HaveCount 1
            $issued | Should -BeOfType 'FinSpace.Management.ProgrammaticCredential'
            $issued.EnvironmentId | Should -BeExactly 'finspaceenv01'
            $issued.AccessKeyId | Should -Match '^ASIA'
            $issued.SecretAccessKey | Should -BeOfType ([System.Security.SecureString])
            $issued.SessionToken | Should -BeOfType ([System.Security.SecureString])
            $issued.DurationInMinutes | Should -Be 15
            $issued.Expiration | Should -BeGreaterThan $before.AddMinutes(14)
            $issued.Expiration | Should -BeLessThan $before.AddMinutes(16)
        }

        It '-AsPlainText emits strings that sign requests, and its default view shows them whole' {
            $issued = Get-FSProgrammaticAccessCredential 'finspaceenv02' -AsPlainText

            $issued | Should -BeOfType 'FinSpace.Management.PlainTextProgrammaticCredential'
            $issued.SecretAccessKey | Should -BeOfType ([string])
            $issued.SessionToken | Should -BeOfType ([string])
            $issued.DurationInMinutes | Should -Be 60

            # The user asked to see the secrets: the default view is a list, so the long token is not cut.
            $shown = ConvertTo-FSPlainText -Text ($issued | Out-String -Width 120)
            $shown | Should -Match ('(?m)^SecretAccessKey\s+: ' + [regex]::Escape($issued.SecretAccessKey))
            ($shown -replace '\s', '').Contains($issued.SessionToken) | Should -BeTrue
            Get-FSTableHeader -Text ($issued | Format-Table | Out-String -Width 4000) |
                Should -BeExactly 'EnvironmentId AccessKeyId SecretAccessKey SessionToken Expiration'

            Reset-FSEmulatorCounter -Emulator $emulator
            { $null = Get-FSDataset -EndpointUrl $emulator.Url -Region us-east-1 -AccessKey $issued.AccessKeyId -SecretKey $issued.SecretAccessKey -SessionToken $issued.SessionToken } |
                Should -Not -Throw
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 1
        }

        It 'puts no secret in verbose output' {
            $records = @(Get-FSProgrammaticAccessCredential -EnvironmentId 'finspaceenv03' -AsPlainText -Verbose 4>&1)
            $issued = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $issued | Should -HaveCount 1
            $verbose = (@(Get-FSVerboseMessage -InputObject $records)) -join "`n"

            $verbose | Should -Match 'FinSpace GetProgrammaticAccessCredentials: HTTP 200'
            $verbose.Contains($issued[0].SecretAccessKey) | Should -BeFalse
            $verbose.Contains($issued[0].SessionToken) | Should -BeFalse
            $verbose.Contains($credential.SecretKey) | Should -BeFalse
        }

        It 'serializes a protected credential without its secrets' {
            $issued = Get-FSProgrammaticAccessCredential -EnvironmentId 'finspaceenv04'
            $secret = ConvertFrom-FSSecureString -SecureString $issued.SecretAccessKey
            $token = ConvertFrom-FSSecureString -SecureString $issued.SessionToken
            $secret | Should -Not -BeNullOrEmpty

            $json = $issued | ConvertTo-Json -Depth 3
            $json.Contains($secret) | Should -BeFalse
            $json.Contains($token) | Should -BeFalse
            ($json | ConvertFrom-Json).AccessKeyId | Should -BeExactly $issued.AccessKeyId
        }

        It 'rejects a duration outside 1..60 minutes and an environment id over 26 characters before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { Get-FSProgrammaticAccessCredential -EnvironmentId 'finspaceenv01' -DurationInMinutes 61 } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.GetFSProgrammaticAccessCredentialCommand'
            { Get-FSProgrammaticAccessCredential -EnvironmentId ('e' * 27) } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.GetFSProgrammaticAccessCredentialCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }
    }

    Context 'Get-FSWorkingLocation' {
        It 'gets the ingestion location by default, and says so' {
            $location = Get-FSWorkingLocation

            $location | Should -HaveCount 1
            $location | Should -BeOfType 'FinSpace.Management.WorkingLocation'
            $location.S3Bucket | Should -BeExactly 'finspace-emulator-working'
            $location.S3Path | Should -BeExactly 'finspace/ingestion/'
            $location.S3Uri | Should -BeExactly 's3://finspace-emulator-working/finspace/ingestion/'
            $location.LocationType | Should -BeExactly 'INGESTION'
            ($location | Out-String -Width 400) | Should -Match 'INGESTION'
        }

        It 'gets the location of the type asked for, case-insensitively and by position' {
            $sagemaker = Get-FSWorkingLocation -LocationType sagemaker
            $sagemaker.LocationType | Should -BeExactly 'SAGEMAKER'
            $sagemaker.S3Path | Should -BeExactly 'finspace/sagemaker/'

            $ingestion = Get-FSWorkingLocation INGESTION
            $ingestion.LocationType | Should -BeExactly 'INGESTION'
            $ingestion.S3Uri | Should -BeExactly 's3://finspace-emulator-working/finspace/ingestion/'
        }

        It 'rejects an unknown location type before sending anything' {
            Reset-FSEmulatorCounter -Emulator $emulator
            { Get-FSWorkingLocation -LocationType NOTEBOOK } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FinSpace.PowerShell.Commands.GetFSWorkingLocationCommand'
            Get-FSEmulatorCounter -Emulator $emulator | Should -Be 0
        }
    }
}
