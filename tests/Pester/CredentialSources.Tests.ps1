# Credentials as AWS users hold them, end to end: profiles that assume a role (source_profile,
# credential_source), web identity and SSO, against moto_server's STS (the emulator's --moto, with
# SigV4 verification on: only keys that STS issued can sign) and the emulator's SSO portal route;
# AWS.Tools' $StoredAWSCredentials and -Credential objects from another AWSSDK.Core; a rewritten
# credentials file; a profile's endpoint_url and services section. Each case runs in a fresh pwsh
# with its own HOME and AWS_* variables, so nothing from the machine can supply credentials.

Describe 'Credential sources' {
    BeforeAll {
        Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $null = Import-FSModule
        $credential = Get-FSEmulatorCredential
        $ssoToken = 'sso-token-' + [guid]::NewGuid().ToString('N')
        # Two more keys the emulator accepts, for the rotating credentials below.
        $rotated = @('AKIAROTATED000000001', 'AKIAROTATED000000002')
        $emulator = Start-FSEmulator -ArgumentList @(
            '--step-ms', '20', '--moto'
            '--sso-token', "${ssoToken}:111122223333:FinSpaceAdmin"
            '--access-key', "$($credential.AccessKey):$($credential.SecretKey)"
            '--access-key', "$($rotated[0]):rotated-secret-1"
            '--access-key', "$($rotated[1]):rotated-secret-2"
        )
        $banner = Get-Content -LiteralPath $emulator.StandardOutputPath -Raw
        $sts = [regex]::Match($banner, 'keys issued by the STS at (http://\S+)').Groups[1].Value.TrimEnd('/')
        if (-not $sts) {
            throw "The emulator started with --moto printed no STS endpoint (is moto_server on PATH?):`n$banner"
        }

        $foreignSdk = Get-FSForeignSdkPath -Version '4.0.3.3'

        # A fresh HOME with .aws/config, run the script in a child pwsh with only these AWS settings.
        function Invoke-WithProfiles([string] $Config, [string] $Body, [hashtable] $Environment = @{}, [string] $HomeDir = (Join-Path $TestDrive ([guid]::NewGuid().ToString('N')))) {
            $null = New-Item -ItemType Directory -Path (Join-Path $HomeDir '.aws') -Force
            Set-Content -LiteralPath (Join-Path $HomeDir '.aws/config') -Value $Config
            $assignments = foreach ($name in $Environment.Keys) { "`$env:$name = '$($Environment[$name])'" }
            $script = @"
`$ErrorActionPreference = 'Stop'
`$result = [ordered]@{}
try {
    Get-ChildItem -Path Env: | Where-Object { `$_.Name -like 'AWS_*' } | ForEach-Object { Remove-Item -LiteralPath "Env:`$(`$_.Name)" }
    `$env:HOME = '$HomeDir'
    `$env:USERPROFILE = '$HomeDir'
    `$env:AWS_EC2_METADATA_DISABLED = 'true'
    `$env:AWS_ENDPOINT_URL_STS = '$sts'
    `$env:AWS_ENDPOINT_URL_SSO = '$($emulator.Url)'
    $($assignments -join "`n    ")
    Import-Module -Name '$(Get-FSModuleManifestPath)'
    $Body
}
catch {
    `$result.Error = `$_.ToString()
    `$result.ErrorId = `$_.FullyQualifiedErrorId
}
'FSRESULT ' + (ConvertTo-Json -InputObject `$result -Compress -Depth 4)
"@
            Invoke-FSChildPowerShell -ScriptText $script
        }
    }

    AfterAll {
        Stop-FSEmulator -Emulator $emulator
    }

    BeforeEach {
        Reset-FSEmulatorCounter -Emulator $emulator
    }

    Context 'profiles that assume a role at STS (moto_server)' {
        It 'role_arn with source_profile: the assumed role signs, the source keys alone are refused' {
            $config = @"
[profile source]
aws_access_key_id = AKIASOURCEONLY000001
aws_secret_access_key = source-secret-the-emulator-does-not-know
region = us-east-1

[profile finspace-role]
role_arn = arn:aws:iam::123456789012:role/FinSpaceAnalyst
source_profile = source
region = us-east-1
"@
            $result = Invoke-WithProfiles -Config $config -Body @"
    `$result.Count = @(Get-FSDataset -ProfileName finspace-role -EndpointUrl '$($emulator.Url)').Count
    `$environment = Get-FSEnvironment -ProfileName finspace-role -EndpointUrl '$($emulator.Url)'
    `$result.CredentialSource = `$environment.CredentialSource
    `$result.AccessKeyId = `$environment.AccessKeyId
    try { `$null = Get-FSDataset -ProfileName source -EndpointUrl '$($emulator.Url)'; `$result.SourceAlone = 'accepted' }
    catch { `$result.SourceAlone = `$_.FullyQualifiedErrorId }
"@

            $result.Error | Should -BeNullOrEmpty
            $result.Count | Should -Be 0
            $result.CredentialSource | Should -BeExactly "profile 'finspace-role', assumed role"
            $result.AccessKeyId | Should -BeNullOrEmpty -Because 'an assumed role is not asked for keys just to describe it'
            $result.SourceAlone | Should -Match '^UnrecognizedClientException,'
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 2
        }

        It 'role_arn with credential_source = Environment' {
            $config = @"
[profile env-role]
role_arn = arn:aws:iam::123456789012:role/FinSpaceFromEnvironment
credential_source = Environment
region = us-east-1
"@
            $result = Invoke-WithProfiles -Config $config -Environment @{ AWS_ACCESS_KEY_ID = 'AKIAENVSOURCE0000001'; AWS_SECRET_ACCESS_KEY = 'env-secret-unknown-to-the-emulator' } -Body @"
    `$result.Count = @(Get-FSDataset -ProfileName env-role -EndpointUrl '$($emulator.Url)').Count
"@
            $result.Error | Should -BeNullOrEmpty
            $result.Count | Should -Be 0
        }

        It 'role_arn with web_identity_token_file' {
            $homeDir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $null = New-Item -ItemType Directory -Path $homeDir -Force
            $tokenFile = Join-Path $homeDir 'web-identity-token'
            Set-Content -LiteralPath $tokenFile -Value 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJmaW5zcGFjZS10ZXN0In0.' -NoNewline
            $config = @"
[profile web]
role_arn = arn:aws:iam::123456789012:role/FinSpaceWebIdentity
web_identity_token_file = $tokenFile
role_session_name = finspace-pester
region = us-east-1
"@
            $result = Invoke-WithProfiles -HomeDir $homeDir -Config $config -Body @"
    `$result.Count = @(Get-FSDataset -ProfileName web -EndpointUrl '$($emulator.Url)').Count
    `$result.CredentialSource = (Get-FSEnvironment -ProfileName web -EndpointUrl '$($emulator.Url)').CredentialSource
"@
            $result.Error | Should -BeNullOrEmpty
            $result.Count | Should -Be 0
            $result.CredentialSource | Should -BeExactly "profile 'web', web identity role"
        }
    }

    Context 'SSO' {
        It 'sso_session with a cached token: the portal (the emulator''s route) gives the role credentials that sign' {
            $homeDir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $cache = Join-Path $homeDir '.aws/sso/cache'
            $null = New-Item -ItemType Directory -Path $cache -Force
            # The SDK names the cache file by the SHA-1 of the sso-session name.
            $sha1 = [System.Security.Cryptography.SHA1]::Create()
            $name = -join ($sha1.ComputeHash([System.Text.Encoding]::UTF8.GetBytes('corp')) | ForEach-Object { $_.ToString('x2') })
            $cached = [ordered]@{ startUrl = 'https://example.awsapps.com/start'; region = 'us-east-1'; accessToken = $ssoToken; expiresAt = [DateTime]::UtcNow.AddHours(8).ToString('yyyy-MM-ddTHH:mm:ssZ') }
            Set-Content -LiteralPath (Join-Path $cache "$name.json") -Value (ConvertTo-Json -InputObject $cached)
            $config = @"
[profile sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = FinSpaceAdmin
region = us-east-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
"@
            $result = Invoke-WithProfiles -HomeDir $homeDir -Config $config -Body @"
    `$result.Count = @(Get-FSDataset -ProfileName sso -EndpointUrl '$($emulator.Url)').Count
    `$result.Verbose = @(Get-FSDataset -ProfileName sso -EndpointUrl '$($emulator.Url)' -Verbose 4>&1 | ForEach-Object { [string] `$_ })
"@
            $result.Error | Should -BeNullOrEmpty
            $result.Count | Should -Be 0
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 2
            ($result.Verbose -join "`n").Contains($ssoToken) | Should -BeFalse
        }

        It 'an SSO token the portal does not know fails with an authentication error that shows no token' {
            $homeDir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
            $cache = Join-Path $homeDir '.aws/sso/cache'
            $null = New-Item -ItemType Directory -Path $cache -Force
            $sha1 = [System.Security.Cryptography.SHA1]::Create()
            $name = -join ($sha1.ComputeHash([System.Text.Encoding]::UTF8.GetBytes('corp')) | ForEach-Object { $_.ToString('x2') })
            $unknown = 'unknown-token-' + [guid]::NewGuid().ToString('N')
            $cached = [ordered]@{ startUrl = 'https://example.awsapps.com/start'; region = 'us-east-1'; accessToken = $unknown; expiresAt = [DateTime]::UtcNow.AddHours(8).ToString('yyyy-MM-ddTHH:mm:ssZ') }
            Set-Content -LiteralPath (Join-Path $cache "$name.json") -Value (ConvertTo-Json -InputObject $cached)
            $config = "[profile sso]`nsso_session = corp`nsso_account_id = 111122223333`nsso_role_name = FinSpaceAdmin`nregion = us-east-1`n`n[sso-session corp]`nsso_start_url = https://example.awsapps.com/start`nsso_region = us-east-1`n"

            $result = Invoke-WithProfiles -HomeDir $homeDir -Config $config -Body "    `$null = Get-FSDataset -ProfileName sso -EndpointUrl '$($emulator.Url)'"

            $result.Error | Should -Not -BeNullOrEmpty
            $result.Error.Contains($unknown) | Should -BeFalse
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 0
        }
    }

    Context 'AWS.Tools session credentials and -Credential objects from another AWSSDK.Core' {
        It '$StoredAWSCredentials shaped like AWSPSCredentials (internal Credentials) over refreshing credentials: every request asks again, and the emulator sees the rotated key' {
            $body = @"
    Add-Type -Path '$foreignSdk'
    Add-Type -ReferencedAssemblies '$foreignSdk', 'netstandard' -TypeDefinition @'
namespace Amazon.PowerShell.Common
{
    // The real shape: no GetCredentials(), the SDK object behind an internal property.
    public sealed class AWSPSCredentials
    {
        public AWSPSCredentials(Amazon.Runtime.AWSCredentials credentials, string name) { Credentials = credentials; Name = name; }
        internal Amazon.Runtime.AWSCredentials Credentials { get; private set; }
        public string Name { get; private set; }
    }
}
namespace FinSpaceTests
{
    // Refreshing credentials of the other AWSSDK.Core: hands out the current key and counts the
    // calls; Rotate() moves to the next key, as a refresh would.
    public sealed class RotatingCredentials : Amazon.Runtime.AWSCredentials
    {
        private readonly string[][] _keys;
        private int _current;
        public int Calls;
        public RotatingCredentials(string[][] keys) { _keys = keys; }
        public void Rotate() { _current++; }
        public override Amazon.Runtime.ImmutableCredentials GetCredentials()
        {
            Calls++;
            var key = _keys[_current];
            return new Amazon.Runtime.ImmutableCredentials(key[0], key[1], null);
        }
    }
}
'@
    `$rotating = [FinSpaceTests.RotatingCredentials]::new([string[][]] @(
        [string[]] @('$($rotated[0])', 'rotated-secret-1'),
        [string[]] @('$($rotated[1])', 'rotated-secret-2'),
        [string[]] @('AKIANOTKNOWN00000003', 'not-a-known-secret')))
    `$global:StoredAWSCredentials = [Amazon.PowerShell.Common.AWSPSCredentials]::new(`$rotating, 'stand-in')
    `$global:StoredAWSRegion = 'eu-west-3'
    `$environment = Get-FSEnvironment -EndpointUrl '$($emulator.Url)'
    `$result.CredentialSource = `$environment.CredentialSource
    `$result.Region = `$environment.Region
    `$result.RegionSource = `$environment.RegionSource
    `$result.First = @(Get-FSDataset -EndpointUrl '$($emulator.Url)').Count
    `$result.CallsAfterFirst = `$rotating.Calls
    `$rotating.Rotate()
    `$result.Second = @(Get-FSDataset -EndpointUrl '$($emulator.Url)').Count
    `$result.CallsAfterSecond = `$rotating.Calls
    `$rotating.Rotate()
    try { `$null = Get-FSDataset -EndpointUrl '$($emulator.Url)'; `$result.Third = 'accepted' } catch { `$result.Third = `$_.FullyQualifiedErrorId }
    `$result.Calls = `$rotating.Calls
"@
            $result = Invoke-WithProfiles -Config '' -Body $body

            $result.Error | Should -BeNullOrEmpty
            $result.CredentialSource | Should -Match '^AWS\.Tools session credentials \(Amazon\.PowerShell\.Common\.AWSPSCredentials holding FinSpaceTests\.RotatingCredentials\)$'
            ($result.Region, $result.RegionSource) | Should -Be @('eu-west-3', 'AWS.Tools default region')
            ($result.First, $result.Second) | Should -Be @(0, 0)
            # The third request signed with the third key: the emulator refused it, so it saw the rotation.
            $result.Third | Should -Match '^UnrecognizedClientException,'
            $result.CallsAfterFirst | Should -BeGreaterOrEqual 1
            $result.CallsAfterSecond | Should -BeGreaterThan $result.CallsAfterFirst -Because 'each request asks the foreign object again'
            $result.Calls | Should -BeGreaterThan $result.CallsAfterSecond
        }

        It '-Credential takes another AWSSDK.Core''s AWSCredentials, an STS Credentials shape, and refuses anything else before any request' {
            $body = @"
    Add-Type -Path '$foreignSdk'
    `$foreign = [Amazon.Runtime.BasicAWSCredentials]::new('$($credential.AccessKey)', '$($credential.SecretKey)')
    `$result.ForeignContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$foreign.GetType().Assembly).Name
    `$result.Foreign = @(Get-FSDataset -Credential `$foreign -EndpointUrl '$($emulator.Url)' -Region us-east-1).Count
    # What (Use-STSRole ...).Credentials looks like to a script: AccessKeyId, SecretAccessKey, SessionToken.
    `$sts = [pscustomobject]@{ AccessKeyId = '$($credential.AccessKey)'; SecretAccessKey = '$($credential.SecretKey)'; SessionToken = `$null; Expiration = [DateTime]::UtcNow.AddHours(1) }
    `$result.StsShape = @(Get-FSDataset -Credential `$sts -EndpointUrl '$($emulator.Url)' -Region us-east-1).Count
    try { `$null = Get-FSDataset -Credential 42 -EndpointUrl '$($emulator.Url)' -Region us-east-1; `$result.Bad = 'accepted' }
    catch { `$result.Bad = `$_.FullyQualifiedErrorId; `$result.BadMessage = `$_.ToString() }
"@
            $result = Invoke-WithProfiles -Config '' -Body $body

            $result.Error | Should -BeNullOrEmpty
            $result.ForeignContext | Should -BeExactly 'Default'
            ($result.Foreign, $result.StsShape) | Should -Be @(0, 0)
            $result.Bad | Should -Match '^ParameterArgumentTransformationError,'
            $result.BadMessage | Should -Match 'Credential'
            $result.BadMessage | Should -Match 'System.Int32'
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 2
        }
    }

    Context 'profile files' {
        It 'a rewritten credentials file is read by the next call in the same session' {
            $file = Join-Path $TestDrive 'rotating-credentials'
            Set-Content -LiteralPath $file -Value "[rotating]`naws_access_key_id = AKIANOTKNOWN00000009`naws_secret_access_key = old-secret`nregion = us-east-1"
            { Get-FSDataset -ProfileName rotating -ProfileLocation $file -EndpointUrl $emulator.Url } |
                Should -Throw -ErrorId 'UnrecognizedClientException,FinSpace.PowerShell.Commands.GetFSDatasetCommand'

            Set-Content -LiteralPath $file -Value "[rotating]`naws_access_key_id = $($credential.AccessKey)`naws_secret_access_key = $($credential.SecretKey)`nregion = us-east-1"
            @(Get-FSDataset -ProfileName rotating -ProfileLocation $file -EndpointUrl $emulator.Url) | Should -HaveCount 0
            Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 2
        }

        It '-ProfileLocation alone means that file''s default profile' {
            $file = Join-Path $TestDrive 'default-credentials'
            Set-Content -LiteralPath $file -Value "[default]`naws_access_key_id = $($credential.AccessKey)`naws_secret_access_key = $($credential.SecretKey)`nregion = ap-southeast-2"
            $environment = Get-FSEnvironment -ProfileLocation $file -EndpointUrl $emulator.Url
            $environment.CredentialSource | Should -BeExactly "profile 'default'"
            ($environment.Region, $environment.RegionSource) | Should -Be @('ap-southeast-2', "profile 'default'")
            $environment.AccessKeyId | Should -BeExactly 'AKIA…0001'
            @(Get-FSDataset -ProfileLocation $file -EndpointUrl $emulator.Url) | Should -HaveCount 0
        }

        It '-ProfileName honours the profile''s endpoint_url and its services section' {
            $other = Start-FSEmulator -ArgumentList '--step-ms', '20'
            try {
                $config = @"
[profile generic]
aws_access_key_id = $($credential.AccessKey)
aws_secret_access_key = $($credential.SecretKey)
region = us-east-1
endpoint_url = $($emulator.Url)

[profile scoped]
aws_access_key_id = $($credential.AccessKey)
aws_secret_access_key = $($credential.SecretKey)
region = us-east-1
endpoint_url = http://127.0.0.1:9
services = local-finspace

[services local-finspace]
finspace_data =
  endpoint_url = $($other.Url)
"@
                $result = Invoke-WithProfiles -Config $config -Body @"
    `$result.Generic = @(Get-FSDataset -ProfileName generic).Count
    `$result.Scoped = @(Get-FSDataset -ProfileName scoped).Count
    `$environment = Get-FSEnvironment -ProfileName scoped
    `$result.Endpoint = `$environment.EndpointUrl
    `$result.EndpointSource = `$environment.EndpointSource
"@
                $result.Error | Should -BeNullOrEmpty
                ($result.Generic, $result.Scoped) | Should -Be @(0, 0)
                $result.Endpoint | Should -BeExactly $other.Url
                $result.EndpointSource | Should -BeExactly "profile 'scoped' (services section or endpoint_url)"
                Get-FSEmulatorCounter -Emulator $emulator -Operation ListDatasets | Should -Be 1
                Get-FSEmulatorCounter -Emulator $other -Operation ListDatasets | Should -Be 1
            }
            finally {
                Stop-FSEmulator -Emulator $other
            }
        }
    }
}
