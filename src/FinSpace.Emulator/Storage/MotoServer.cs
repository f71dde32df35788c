using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FinSpace.Emulator.Storage;

/// <summary>
/// A moto_server child process on a free loopback port: a real S3 and STS endpoint the emulator can
/// start for itself (<c>--moto</c>) and tests can share. It is killed, with its children, on dispose.
/// </summary>
internal sealed class MotoServer : IAsyncDisposable
{
    public const string ProgramName = "moto_server";

    public const string InstallHint = "moto_server was not found on PATH. Install it with: pip install 'moto[server]' (moto 5.x), then make sure moto_server is on PATH.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private MotoServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The full path of moto_server on PATH, or null.</summary>
    public static string? FindOnPath()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { ProgramName + ".exe", ProgramName + ".cmd" } : new[] { ProgramName })
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Starts moto_server and returns once it answers; throws with the install hint when it is missing.</summary>
    public static async Task<MotoServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var program = FindOnPath() ?? throw new FileNotFoundException(InstallHint, ProgramName);

        // A port picked free can be taken before moto binds it; a second try with a new port covers that.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(program)
            {
                ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new IOException($"{ProgramName} could not be started.");
            var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));

            // moto logs every request; the pipes must be drained or it blocks once they fill.
            process.OutputDataReceived += (_, e) => server.Remember(e.Data);
            process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await server.WaitUntilAnsweringAsync(cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (IOException) when (attempt < 3 && !cancellationToken.IsCancellationRequested)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or not ours to wait for any longer.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new IOException($"{ProgramName} exited with code {_process.ExitCode} before answering: {LastLines()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/data.json"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One probe timed out; the deadline decides.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"{ProgramName} did not answer within {StartTimeout.TotalSeconds:0} s: {LastLines()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 20)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
