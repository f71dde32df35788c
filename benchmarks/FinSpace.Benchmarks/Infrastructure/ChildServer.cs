using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace FinSpace.Benchmarks.Infrastructure;

/// <summary>
/// A server in a child process that prints its address on one line of standard output, found by a
/// prefix. Disposing closes its standard input (this program's own server modes stop on that) and
/// kills it if it lingers, or kills it at once when it does not listen to its input (the emulator's
/// command line, which stops on signals only).
/// </summary>
internal sealed class ChildServer : IDisposable
{
    private readonly Process _process;
    private readonly bool _stopsOnInputClose;

    private ChildServer(Process process, Uri baseAddress, bool stopsOnInputClose)
    {
        _process = process;
        BaseAddress = baseAddress;
        _stopsOnInputClose = stopsOnInputClose;
    }

    public Uri BaseAddress { get; }

    public static ChildServer Start(ProcessStartInfo info, string addressPrefix, TimeSpan timeout, bool stopsOnInputClose = true)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        try
        {
            // Drain standard error so a chatty child never blocks on a full pipe.
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();

            var reading = Task.Run(() =>
            {
                string? line;
                while ((line = process.StandardOutput.ReadLine()) is not null)
                {
                    var at = line.IndexOf(addressPrefix, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        return line.Substring(at + addressPrefix.Length).Trim();
                    }
                }

                return null;
            });

            if (!reading.Wait(timeout) || reading.Result is null)
            {
                throw new InvalidOperationException($"{info.FileName} printed no '{addressPrefix}' line within {timeout.TotalSeconds:0} s.");
            }

            // Keep reading standard output in the background for the same reason as standard error.
            _ = Task.Run(() => process.StandardOutput.ReadToEnd());
            var url = reading.Result.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);
            return new ChildServer(process, new Uri(url.EndsWith('/') ? url : url + "/"), stopsOnInputClose);
        }
        catch
        {
            Stop(process, graceful: false);
            throw;
        }
    }

    public void Dispose() => Stop(_process, _stopsOnInputClose);

    private static void Stop(Process process, bool graceful)
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.Close();
                if (!graceful || !process.WaitForExit(5000))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
