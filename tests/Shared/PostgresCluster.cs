using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HonchoBot.Tests.Shared;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for one test run: <c>initdb</c> into a temporary directory, a server on
/// 127.0.0.1 only (no Unix socket), on a free port, with trust authentication on loopback. When the tests run
/// as root the server runs as the <c>postgres</c> OS user (PostgreSQL refuses to run as root). Disposing stops
/// the server and deletes the directory; a small watchdog does the same if the test process dies first.
/// Use it as a collection fixture so a run starts one cluster, not one per test.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>Where the image puts the server binaries (Debian's postgresql-15 package).</summary>
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>The prerequisite, named in every failure caused by its absence.</summary>
    public const string Prerequisite = "PostgreSQL 15 server binaries at " + BinDirectory;

    /// <summary>The cluster's superuser (created by initdb; no password, trust on loopback).</summary>
    public const string Superuser = "postgres";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(120);

    private readonly string _directory;
    private readonly string _dataDirectory;
    private readonly bool _asServiceUser;
    private Process? _watchdog;
    private int _databases;
    private bool _disposed;

    public PostgresCluster()
    {
        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(BinDirectory, tool)))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL tests need the {Prerequisite} ({tool} is missing). Install them, e.g. apt-get install postgresql-15.");
            }
        }

        _asServiceUser = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        _directory = Path.Combine(Path.GetTempPath(), "honcho-pg-" + Guid.NewGuid().ToString("N"));
        _dataDirectory = Path.Combine(_directory, "data");
        Directory.CreateDirectory(_directory);
        try
        {
            if (_asServiceUser)
            {
                Run("chown", [ServiceUser + ":", _directory], asServiceUser: false);
            }

            Run(Path.Combine(BinDirectory, "initdb"),
                ["-D", _dataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
            File.WriteAllText(Path.Combine(_dataDirectory, "pg_hba.conf"),
                "# Throwaway test cluster: loopback only, trust.\nhost all all 127.0.0.1/32 trust\n");
            StartOnFreePort();
            StartWatchdog();
        }
        catch
        {
            StopAndDelete();
            throw;
        }
    }

    public int Port { get; private set; }

    /// <summary>A connection string to the cluster's <c>postgres</c> database as the superuser.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={Superuser};Database={database};Pooling=false;Timeout=30";

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "t" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        Run(Path.Combine(BinDirectory, "psql"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", $"CREATE DATABASE {name}"],
            asServiceUser: true);
        return ConnectionString(name);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        StopAndDelete();
        if (_watchdog is { } watchdog)
        {
            try
            {
                watchdog.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            watchdog.Dispose();
        }
    }

    private void StartOnFreePort()
    {
        File.AppendAllText(Path.Combine(_dataDirectory, "postgresql.conf"),
            "\n# Throwaway test cluster\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\n");

        // A port found free can be taken before the server binds it; a few attempts make that race harmless.
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                Run(Path.Combine(BinDirectory, "pg_ctl"),
                    ["-D", _dataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", ((int)StartGuard.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                     "-o", "-p " + Port.ToString(CultureInfo.InvariantCulture), "start"]);
                return;
            }
            catch (InvalidOperationException e)
            {
                last = e;
            }
        }

        throw new InvalidOperationException("The throwaway PostgreSQL cluster did not start: " + ServerLog(), last);
    }

    /// <summary>Stops and deletes the cluster if this process dies without disposing it (a test-run abort).</summary>
    private void StartWatchdog()
    {
        var stop = Command(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "stop"]);
        var script =
            $"while [ -d /proc/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} ]; do sleep 1; done; " +
            $"{string.Join(' ', stop.Select(Quote))} >/dev/null 2>&1; rm -rf {Quote(_directory)}";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        _watchdog = Process.Start(start);
    }

    private void StopAndDelete()
    {
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            try
            {
                Run(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Deleting the directory below is still worth doing; the watchdog is the last resort.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is untidy, not a test failure.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string ServerLog()
    {
        var log = Path.Combine(_directory, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no server log)";
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private List<string> Command(string tool, IReadOnlyList<string> arguments)
    {
        var command = new List<string>();
        if (_asServiceUser)
        {
            command.AddRange(["runuser", "-u", ServiceUser, "--"]);
        }

        command.Add(tool);
        command.AddRange(arguments);
        return command;
    }

    private void Run(string tool, IReadOnlyList<string> arguments, bool asServiceUser = true) =>
        RunCommand(asServiceUser ? Command(tool, arguments) : [tool, .. arguments]);

    private static void RunCommand(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The server's own working directory must be readable by the service user.
            WorkingDirectory = "/",
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(StartGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{string.Join(' ', command)} hung past {StartGuard.TotalSeconds} s.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}: {output}");
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
