namespace FinSpace.Emulator.Cli;

/// <summary>What <c>--help</c> prints: every option with its default.</summary>
internal static class HelpText
{
    public const string Text = """
        FinSpace Data emulator: the Amazon FinSpace Data API (2020-07-13) on your machine.

        Usage: dotnet run --project src/FinSpace.Emulator -- [options]

        Network
          --host <address>            Address to bind (default 127.0.0.1; loopback keeps it private).
          --port <port>               Port to bind (default 8641; 0 picks a free port).

        Authentication
          --no-auth                   Accept unsigned requests (demos only). Default: SigV4 required.
          --access-key <id>:<secret>  Accept this key pair; repeatable. Replaces the default test key
                                      AKIAFINSPACEEMU00001 / finspace-emulator-test-secret-00001.
          --sts-endpoint <url>        Also accept keys issued by this STS (a moto_server), with their
                                      session token; unknown keys are looked up there.
          --sso-token <token>:<accountId>:<roleName>
                                      Let GET /federation/credentials (the AWS SSO portal's
                                      GetRoleCredentials) answer this bearer token for this role
                                      with keys the emulator accepts; repeatable.
          --clock-skew-minutes <n>    Allowed distance of a request's signing time (default 5).

        State
          --data-dir <path>           Keep state in <path>/finspace-emulator.db (SQLite) so it survives a
                                      restart; every acknowledged write is committed first.
                                      Default: in memory only.
          --seed-datasets <n>         Add n synthetic datasets at start.
          --seed-users <n>            Add n synthetic users at start.
          --seed-groups <n>           Add n synthetic permission groups at start.
          --seed-memberships <k>      Each seeded user joins k seeded groups.
          --region <name>             Region in ARNs (default us-east-1; any signing region is accepted).
          --account-id <12 digits>    Account in ARNs (default 123456789012).

        Lifecycle timings (status is derived from time since creation)
          --step-ms <ms>              Every step below at once (default 1000).
          --changeset-pending-ms <ms> --changeset-running-ms <ms>
          --dataview-starting-ms <ms> --dataview-running-ms <ms>
          --dataset-pending-ms <ms>   --dataset-running-ms <ms>
          --user-creating-ms <ms>
          A changeset whose sourceParams.s3SourcePath contains "emulator-fail" ends FAILED;
          "emulator-fail-<CATEGORY>" (e.g. emulator-fail-ACCESS_DENIED) picks errorInfo.errorCategory.
          A dataview whose destinationTypeParams.destinationType contains the marker fails the same way.

        Faults (change at run time: PUT /_emulator/faults)
          --throttle-rate <0..1>      Fraction answered 429 ThrottlingException.
          --error-rate <0..1>         Fraction answered 500 InternalServerException.
          --drop-rate <0..1>          Fraction whose connection drops mid-response (after the operation ran).
          --latency-ms <ms>           Delay added to every request.
          --fault-seed <n>            Seed of the fault generator (default 1): same seed, same faults.
          --fault-operations <a,b>    Limit faults to these operation names (default: all).

        Rate limits (a token bucket per operation, as AWS limits work; change at run time: PUT /_emulator/limits)
          --rate-limit <requests/s>   Every operation's steady rate (default 0 = unlimited). Over it: 429 ThrottlingException.
          --rate-burst <n>            Bucket size: requests allowed at once (default the rate rounded up, at least 1).
          --rate-limit-operation <Name>=<requests/s>[:<burst>]
                                      A limit for one operation instead (repeatable; 0 exempts it),
                                      e.g. --rate-limit-operation CreateUser=100.

        Working location
          --bucket <name>             Bucket GetWorkingLocation returns (default finspace-emulator-working).
          --path-prefix <prefix>      Prefix of returned paths (default finspace/).
          --s3-endpoint <url>         The S3 endpoint (e.g. a moto_server) holding the bucket: the emulator
                                      creates the bucket and prefixes, ingests changesets from S3 and
                                      exports dataviews to it; handed-out keys come from its STS.
          --moto                      Start moto_server (from PATH) on a free port and use it as the S3
                                      and STS endpoint; it stops with the emulator.
                                      Without either, storage is simulated (names only).

        Output
          --verbose                   One line per API request (operation, status, time; never headers or bodies).
          --help                      Show this text.

        Admin API (never signed, counted or faulted): GET /_emulator/health | config | state | counters | faults | limits,
          DELETE /_emulator/counters, PUT|DELETE /_emulator/faults, PUT|DELETE /_emulator/limits,
          GET|POST|DELETE /_emulator/sso/tokens, POST /_emulator/seed, POST /_emulator/reset.
        """;
}
